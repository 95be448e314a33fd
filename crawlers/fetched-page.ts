// What both fetchers (HTTP and browser) hand back: the page as text plus where it really came
// from, with replay URLs turned back into the outlet's real URLs.
import type { HttpExchange } from '../src/archive/http-exchange.js';
import type { FetchFailure } from './fetch-failure.js';
import type { FetchRequest } from './fetch-request.js';

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
