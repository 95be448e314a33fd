// What a discovery page (feed, sitemap, listing or search page) points to: article links with
// the date the page gives them, or — for a sitemap index — its child sitemaps. Shared by the
// crawl and by `tinwatch sources check`, so both read a page the same way.
import { parseFeed } from './feed-parser.js';
import { listingLinks } from './listing-links.js';
import { parseSitemap } from './sitemap-parser.js';

export interface DiscoveredLinks {
  links: { url: string; publishedAt: string | null }[];
  /** Set for a sitemap index: its children (pick with newestChildren). */
  sitemapIndex: { url: string; lastmod: string | null }[] | null;
}

export function discoveryLinks(
  kind: 'feed' | 'sitemap' | 'listing',
  body: string,
  pageUrl: string,
  timezone: string,
  linkSelector = '',
): DiscoveredLinks {
  if (kind === 'sitemap') {
    const s = parseSitemap(body, pageUrl, timezone);
    return s.kind === 'index' ? { links: [], sitemapIndex: s.sitemaps } : { links: s.urls, sitemapIndex: null };
  }
  if (kind === 'feed') {
    const links = parseFeed(body, pageUrl, timezone).map((i) => ({ url: i.url, publishedAt: i.publishedAt }));
    return { links, sitemapIndex: null };
  }
  return {
    links: listingLinks(body, pageUrl, linkSelector).map((url) => ({ url, publishedAt: null })),
    sitemapIndex: null,
  };
}
