// What a crawl asks a fetcher for: one request type per label, each with the data its handlers
// read. RequestByLabel keys every table of handlers by label (label-router.ts).
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
