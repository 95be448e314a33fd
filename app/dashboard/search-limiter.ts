// What keeps /search from being a lever on the dashboard's CPU. A search is a GET, so any web page
// the operator opens could send hundreds through image tags. Three limits, each with one line:
//  - a search reached from another site's subresource (an <img>, a fetch) is refused: the
//    dashboard's own form and a link followed by a person are navigations (Sec-Fetch-Mode);
//  - each client (by address) gets a bucket of SEARCH_BURST searches refilled at SEARCH_PER_MINUTE,
//    and one search at a time; past that 429 with Retry-After;
//  - the search itself stops at its time budget (search-routes.ts) and says so.
import type { Context, MiddlewareHandler } from 'hono';

export const SEARCH_PER_MINUTE = 30;
export const SEARCH_BURST = 10;

interface Bucket {
  tokens: number;
  at: number;
  running: boolean;
}

function clientOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

export function searchLimiter(perMinute = SEARCH_PER_MINUTE, burst = SEARCH_BURST): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none' && c.req.header('sec-fetch-mode') !== 'navigate')
      return c.text('tinwatch dashboard: a search from another site’s page refused', 403);
    const who = clientOf(c);
    const now = performance.now(); // monotonic: a clock step neither empties nor fills a bucket
    const b = buckets.get(who) ?? { tokens: burst, at: now, running: false };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 60_000) * perMinute);
    b.at = now;
    buckets.set(who, b);
    if (b.running || b.tokens < 1) {
      const wait = b.running ? 1 : Math.ceil(((1 - b.tokens) * 60) / perMinute);
      return c.text(
        `tinwatch dashboard: too many searches from ${who} (${perMinute} a minute, one at a time); try again in ${wait} s`,
        429,
        { 'retry-after': String(wait) },
      );
    }
    b.tokens -= 1;
    b.running = true;
    if (buckets.size > 10_000) for (const [k, v] of buckets) if (!v.running && k !== who) buckets.delete(k);
    try {
      await next();
    } finally {
      b.running = false;
    }
  };
}
