// What the HTTP fetcher's pieces share for one fetchAll: the source, the origin map, the host
// policy, the requests handed to crawlee, this crawl's cookies, and where pages and follow-up
// requests go.
import type { SourceConfig } from '../config/source-schema.js';
import type { OriginMap } from '../base/url/origin-map.js';
import { withCookie } from './cookie-challenge.js';
import type { SentRequests } from './crawlee-requests.js';
import type { FetchedPage } from './fetched-page.js';
import type { FetchRequest } from './fetch-request.js';
import type { HostPolicy } from './host-policy.js';

export interface HttpCrawl {
  source: SourceConfig;
  originMap: OriginMap;
  hosts: HostPolicy | undefined;
  sent: SentRequests;
  cookies: CrawlCookies;
  onPage: (page: FetchedPage) => Promise<FetchRequest[] | void>;
  /** Adds crawlee requests to this crawl's crawler. */
  add: (requests: ReturnType<SentRequests['toCrawlee']>) => Promise<unknown>;
}

/**
 * Cookies per host for this crawl: challenge answers (also kept in Redis for other workers) and a
 * prime page's session cookies. Redis is asked once per host per crawl, not per request.
 */
export class CrawlCookies {
  private readonly cookies = new Map<string, string>();
  private readonly remembered = new Map<string, Promise<string | null>>();

  constructor(private readonly hosts: HostPolicy | undefined) {}

  /** The cookie header for a request to `host`, `header` (the request's own) merged in. */
  async headerFor(host: string, header: string | undefined): Promise<string | undefined> {
    if (this.hosts && !this.remembered.has(host)) this.remembered.set(host, this.hosts.cookieFor(host));
    const fromRedis = await this.remembered.get(host);
    let out = fromRedis ? withCookie(header, fromRedis) : header;
    for (const pair of (this.cookies.get(host) ?? '').split(';')) if (pair.trim()) out = withCookie(out, pair.trim());
    return out;
  }

  /** Keeps the session cookies a response sets (the prime page's) for the rest of this crawl. */
  keepSetCookies(host: string, setCookie: string | string[] | undefined): void {
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const pair = c.split(';')[0]!.trim();
      if (pair.includes('=')) this.cookies.set(host, withCookie(this.cookies.get(host), pair));
    }
  }

  /** Keeps a cookie challenge's answer, for this crawl and (through the host policy) every worker. */
  async keepChallenge(host: string, challenge: string): Promise<void> {
    this.cookies.set(host, withCookie(this.cookies.get(host), challenge));
    await this.hosts?.rememberCookie(host, challenge);
  }
}
