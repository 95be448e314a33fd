// What a crawl asks for first (feeds, sitemaps, site searches, listing pages) and what it asks for
// next (a sitemap index's children, the next listing page of a backfill). Pure: requests in,
// requests out, all typed by label.
import type { SourceConfig } from '../../config/source-schema.js';
import type { DiscoveryRequest, ListingRequest, SitemapRequest } from '../fetch-request.js';
import { isSourceUrl } from '../request-policy.js';
import { newestChildren } from './sitemap-parser.js';

/** A site-search URL: the query form-encoded (spaces as +) into the template's {q}. */
export function searchUrl(template: string, query: string): string {
  return template.replace('{q}', encodeURIComponent(query.normalize('NFC')).replace(/%20/g, '+'));
}

/** Page n of a listing (1 = its own URL). */
export function listingPageUrl(listing: { url: string; pageUrl?: string | undefined }, n: number): string | null {
  if (n === 1) return listing.url;
  return listing.pageUrl ? listing.pageUrl.replace('{n}', String(n)) : null;
}

/**
 * Feeds, sitemaps, searches, and each listing's pages 1..maxPages. A backfill asks only for page 1
 * of each listing: the next page is requested once a page's articles are in (backfill-walk.ts).
 */
export function discoveryRequests(source: SourceConfig, backfill: boolean): DiscoveryRequest[] {
  return [
    ...source.discovery.feeds.map((url): DiscoveryRequest => ({ url, label: 'feed' })),
    ...source.discovery.sitemaps.map((s, i): DiscoveryRequest => ({
      url: s.url,
      label: 'sitemap',
      data: { sitemap: i, depth: 0 },
    })),
    ...source.discovery.search.flatMap((s) =>
      s.queries.map((q): DiscoveryRequest => ({
        url: searchUrl(s.urlTemplate, q),
        label: 'listing',
        data: { linkSelector: s.linkSelector, search: q },
      })),
    ),
    ...source.discovery.listings.flatMap((l, i) =>
      Array.from({ length: backfill ? 1 : l.maxPages }, (_, k) => listingPageUrl(l, k + 1))
        .filter((url): url is string => url !== null)
        .map((url, k): DiscoveryRequest => ({
          url,
          label: 'listing',
          data: { linkSelector: l.linkSelector, listing: i, page: k + 1 },
        })),
    ),
  ];
}

/** A sitemap index: its newest children matching the source's pattern, two levels deep at most. */
export function sitemapChildren(
  source: SourceConfig,
  req: SitemapRequest,
  children: { url: string; lastmod: string | null }[],
): SitemapRequest[] {
  const cfg = source.discovery.sitemaps[req.data.sitemap];
  if (!cfg || req.data.depth >= 2) return [];
  // An index names its children; only the source's own, on its own port, are fetched.
  const own = children.filter((c) => isSourceUrl(source, c.url));
  return newestChildren(own, cfg.childPattern, cfg.maxChildren).map((url) => ({
    url,
    label: 'sitemap',
    data: { ...req.data, depth: req.data.depth + 1 },
  }));
}

/** The listing page after this one, within the backfill depth (search pages have none). */
export function nextListingPage(source: SourceConfig, req: ListingRequest): ListingRequest | null {
  if (req.data.listing === undefined || req.data.page === undefined) return null;
  const listing = source.discovery.listings[req.data.listing];
  const n = req.data.page + 1;
  const url = listing && n <= listing.backfillMaxPages ? listingPageUrl(listing, n) : null;
  return url ? { url, label: 'listing', data: { ...req.data, page: n } } : null;
}

/** The backfill walk's name for a listing page: "listing:page". */
export function listingPageKey(req: ListingRequest): string {
  return `${String(req.data.listing)}:${String(req.data.page)}`;
}
