// What both fetchers (HTTP and browser) hand back: the page as text plus where it really came
// from, with replay URLs turned back into the outlet's real URLs.
import type { HttpExchange } from '../src/archive/http-exchange.js';

export interface FetchRequest {
  /** The outlet's real URL. */
  url: string;
  /** prime: visited first for its session cookie (source.discovery.primeUrl). */
  label: 'prime' | 'feed' | 'sitemap' | 'listing' | 'article';
  /** Anything the caller needs back in its handler. */
  data?: Record<string, unknown>;
  /** Extra request headers (conditional GET validators). */
  headers?: Record<string, string>;
}

export interface FetchedPage {
  request: FetchRequest;
  /** Real URL after redirects. */
  finalUrl: string;
  status: number;
  contentType: string;
  body: string;
  /** `body` as UTF-8 bytes, when the page arrived as UTF-8 (parked as is, not encoded again). */
  bodyUtf8?: Buffer;
  /** The exchange and the payload as served, for a WARC capture (HTTP fetches). */
  capture?: { exchange: HttpExchange; payload: Buffer };
  /** Cache validators the server sent, for the next conditional GET. */
  etag?: string;
  lastModified?: string;
}

export interface FetchFailure {
  request: FetchRequest;
  reason: string;
}

export interface PageFetcher {
  /**
   * Fetches every request; `onPage` may return follow-up requests (article pages found on a
   * feed), which the same crawler fetches before `fetchAll` resolves.
   */
  fetchAll(
    requests: FetchRequest[],
    onPage: (page: FetchedPage) => Promise<FetchRequest[] | void>,
    /** May also return follow-up requests (a backfill walk goes on past a failed article). */
    onFailure: (failure: FetchFailure) => Promise<FetchRequest[] | void>,
  ): Promise<void>;
}
