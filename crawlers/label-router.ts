// Handlers by request label, in one table, modelled on crawlee's router (createCheerioRouter given
// a routes object, where each label's handler sees its own typed userData). A table names every
// label (fetch-request.ts, RequestByLabel), so a new kind of request does not compile until each
// table says what to do with it, and nothing compares label strings to dispatch.
import type { FetchRequest, Label, RequestByLabel } from './fetch-request.js';

/** `T` (a page, a failure) with its request narrowed to one label's. */
export type Labelled<T extends { request: FetchRequest }, L extends Label> = Omit<T, 'request'> & {
  request: RequestByLabel[L];
};

/** One handler per label, each receiving `T` with its request typed by that label. */
export type LabelRoutes<T extends { request: FetchRequest }, R> = {
  [L in Label]: (input: Labelled<T, L>) => R;
};

/** Hands `input` to the handler of its request's label. */
export function routeByLabel<T extends { request: FetchRequest }, R>(routes: LabelRoutes<T, R>, input: T): R {
  return dispatch(routes, input.request.label, input.request, input);
}

// The label and the request come from the same object, so they agree; TypeScript checks the
// lookup (routes[label] takes the request of label L) without a cast.
function dispatch<T extends { request: FetchRequest }, R, L extends Label>(
  routes: LabelRoutes<T, R>,
  label: L,
  request: RequestByLabel[L],
  input: T,
): R {
  const handler: (input: Labelled<T, L>) => R = routes[label];
  return handler({ ...input, request });
}
