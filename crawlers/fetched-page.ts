// What both fetchers (HTTP and browser) hand back: the page as text plus where it really came
// from, with replay URLs turned back into the outlet's real URLs.
import type { HttpExchange } from '../src/archive/http-exchange.js';
import type { FetchFailure } from './fetch-failure.js';

interface RequestBase {
  /** The outlet's real URL. */
  url: string;
  /** Extra request headers (conditional GET validators). */
  headers?: Record<string, string>;
}

/** Visited first for its session cookie (source.discovery.primeUrl). */
export interface PrimeRequest extends RequestBase {
  label: 'prime';
}
export interface FeedRequest extends RequestBase {
  label: 'feed';
}
export interface SitemapRequest extends RequestBase {
  label: 'sitemap';
  /** Which of the source's sitemaps, and how deep in its index. */
  data: { sitemap: number; depth: number };
}
/** A listing page, or a site-search result page (`search` set, `listing` not). */
export interface ListingRequest extends RequestBase {
  label: 'listing';
  data: { linkSelector: string; search?: string; listing?: number; page?: number };
}
export interface ArticleRequest extends RequestBase {
  label: 'article';
  /** `listingPage`: the backfill page it was found on ("listing:page"), to walk on from. */
  data: { canonicalUrl: string; listingPage?: string };
}

/** Every request by its label: what the crawl's handler tables are keyed by (label-router.ts). */
export interface RequestByLabel {
  prime: PrimeRequest;
  feed: FeedRequest;
  sitemap: SitemapRequest;
  listing: ListingRequest;
  article: ArticleRequest;
}
export type Label = keyof RequestByLabel;

/** What a crawl asks a fetcher for; the label says what the page is and what its data holds. */
export type FetchRequest = RequestByLabel[Label];
export type DiscoveryRequest = FeedRequest | SitemapRequest | ListingRequest;

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
