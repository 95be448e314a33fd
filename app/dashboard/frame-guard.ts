// No page may put the dashboard inside a frame. Every state-changing button is a same-origin form,
// so the origin check in dashboard-guard.ts lets it through: a hostile page that frames the
// dashboard (transparent, under its own bait) turns a visitor's click into a queued crawl or a
// bull-board retry. frame-ancestors 'none' is the standard; X-Frame-Options: DENY covers browsers
// that predate it. Set after the handler runs, on every answer, refusals included.
import type { MiddlewareHandler } from 'hono';

export const FRAME_ANCESTORS = "frame-ancestors 'none'";

export function frameGuard(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Frame-Options', 'DENY');
    // A handler's own policy keeps its other directives; its frame-ancestors, if any, is replaced.
    const own = (c.res.headers.get('Content-Security-Policy') ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d && !/^frame-ancestors\b/i.test(d));
    c.header('Content-Security-Policy', [...own, FRAME_ANCESTORS].join('; '));
  };
}
