// The origin map sends every fetch of a real origin to a local base URL (the replay server),
// while everything tinwatch records — canonical URLs, story ids, the manifest — keeps the real
// URL. Example: {"https://vnexpress.net": "http://127.0.0.1:8089/vnexpress.net"}.

export interface OriginMap {
  /** Where to fetch a real URL (itself when its origin is not mapped). */
  toFetchUrl(realUrl: string): string;
  /** The real URL behind a fetched URL (itself when it is not under a mapped base). */
  toRealUrl(fetchedUrl: string): string;
  /** True when this fetched URL was produced by the map (the one SSRF exception). */
  isMapped(fetchedUrl: string): boolean;
  readonly entries: ReadonlyArray<readonly [string, string]>;
}

function origin(u: string): string {
  return new URL(u).origin;
}

/** Whether a fetched URL lies under a local base (the base itself, a path or a query below it). */
function isUnder(url: string, base: string): boolean {
  return url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`);
}

function trimSlash(s: string): string {
  return s.replace(/\/+$/, '');
}

export function createOriginMap(map: Record<string, string> = {}): OriginMap {
  const entries = Object.entries(map).map(([real, local]) => [origin(real), trimSlash(local)] as const);
  // Longest local base first so nested bases resolve to the most specific one.
  const byLocal = [...entries].sort((a, b) => b[1].length - a[1].length);
  return {
    entries,
    toFetchUrl(realUrl) {
      const u = new URL(realUrl);
      for (const [real, local] of entries) {
        if (u.origin === real) return local + u.pathname + u.search;
      }
      return realUrl;
    },
    toRealUrl(fetchedUrl) {
      for (const [real, local] of byLocal) {
        if (isUnder(fetchedUrl, local)) {
          return real + (fetchedUrl.slice(local.length) || '/');
        }
      }
      return fetchedUrl;
    },
    isMapped(fetchedUrl) {
      return byLocal.some(([, local]) => isUnder(fetchedUrl, local));
    },
  };
}

/** Maps each real host (https and www. variants) to `<base>/<host>` on a replay server. */
export function replayOriginMap(baseUrl: string, hosts: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const base = trimSlash(baseUrl);
  for (const host of hosts) {
    for (const h of [host, `www.${host}`]) {
      out[`https://${h}`] = `${base}/${host}`;
      out[`http://${h}`] = `${base}/${host}`;
    }
  }
  return out;
}
