// XML sitemaps (sitemaps.org) and Google News sitemaps → child sitemaps or article links.
// Outlets publish an index (Znews: sitemap/sitemap.xml with sitemap-article* and sitemap-news*
// children); the news children list the last days' articles with their publication time. At most
// SITEMAP_MAX_ENTRIES entries are read.
import { load } from 'cheerio';
import { parseDateIso } from '../../src/text/dates.js';
import { cleanLine } from '../../src/text/normalize.js';
import { cutAfterItems, SITEMAP_MAX_ENTRIES } from './item-cap.js';
import { SitemapError } from '../errors.js';

export type Sitemap =
  | { kind: 'index'; sitemaps: { url: string; lastmod: string | null }[] }
  | { kind: 'urlset'; urls: { url: string; publishedAt: string | null }[] };

export function parseSitemap(xml: string, sitemapUrl: string, timezone = '+07:00'): Sitemap {
  const text = xml.replace(/^\uFEFF/, '').trimStart();
  if (!/^<(?:\?xml|sitemapindex|urlset)/i.test(text)) {
    throw new SitemapError(`not a sitemap: ${sitemapUrl} starts with ${JSON.stringify(text.slice(0, 40))}`);
  }
  const $ = load(cutAfterItems(text, /<\/(?:url|sitemap)\s*>/i, SITEMAP_MAX_ENTRIES).text, { xml: true });
  const abs = (u: string): string | null => {
    try {
      return new URL(cleanLine(u), sitemapUrl).toString();
    } catch {
      return null;
    }
  };
  const date = (s: string): string | null => (s.trim() ? parseDateIso(cleanLine(s), timezone) : null);
  if ($('sitemapindex').length > 0) {
    const sitemaps = $('sitemapindex > sitemap')
      .toArray()
      .map((el) => ({ url: abs($(el).children('loc').text()), lastmod: date($(el).children('lastmod').text()) }))
      .filter((s): s is { url: string; lastmod: string | null } => !!s.url);
    return { kind: 'index', sitemaps };
  }
  if ($('urlset').length === 0) throw new SitemapError(`no <urlset> or <sitemapindex> in ${sitemapUrl}`);
  const seen = new Set<string>();
  const urls: { url: string; publishedAt: string | null }[] = [];
  for (const el of $('urlset > url').toArray()) {
    const url = abs($(el).children('loc').text());
    if (!url || seen.has(url)) continue;
    seen.add(url);
    // news:publication_date is when the story appeared; lastmod may be a later edit.
    const news = $(el).find('news\\:publication_date, publication_date').first().text();
    urls.push({ url, publishedAt: date(news) ?? date($(el).children('lastmod').text()) });
  }
  return { kind: 'urlset', urls };
}

/** An index's children matching the pattern, newest first (by lastmod), at most `max`. */
export function newestChildren(
  sitemaps: readonly { url: string; lastmod: string | null }[],
  childPattern: string | undefined,
  max: number,
): string[] {
  const pattern = childPattern ? new RegExp(childPattern, 'u') : null;
  return sitemaps
    .filter((c) => !pattern || pattern.test(c.url))
    .sort((a, b) => (b.lastmod ?? '').localeCompare(a.lastmod ?? ''))
    .slice(0, max)
    .map((c) => c.url);
}
