// What the HTTP and browser fetchers share: how tinwatch requests become crawlee requests (through
// the origin map, keyed by the real URL) and how crawlee's failures come back.
import { fetchFailure, type FetchFailure } from './fetch-failure.js';
import type { FetchRequest } from './fetched-page.js';
import type { OriginMap } from '../base/url/origin-map.js';

export function toCrawleeRequests(requests: readonly FetchRequest[], originMap: OriginMap) {
  return requests.map((req) => ({
    url: originMap.toFetchUrl(req.url),
    uniqueKey: req.url,
    label: req.label,
    userData: { req },
  }));
}

export function failureHandler(
  onFailure: (f: FetchFailure) => Promise<FetchRequest[] | void>,
  addMore?: (more: FetchRequest[]) => Promise<unknown>,
) {
  return async ({ request }: { request: { userData: Record<string, unknown> } }, error: Error): Promise<void> => {
    const more = await onFailure(fetchFailure(request.userData.req as FetchRequest, error));
    if (more && more.length > 0) await addMore?.(more);
  };
}
