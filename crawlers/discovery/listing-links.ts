// Article links on a section listing page, resolved against the page's real URL.
import { load } from 'cheerio';

export function listingLinks(html: string, pageUrl: string, linkSelector: string): string[] {
  const $ = load(html);
  const out: string[] = [];
  const seen = new Set<string>();
  $(linkSelector).each((_, el) => {
    const href = $(el).attr('href');
    if (!href || href.startsWith('javascript:') || href.startsWith('#')) return;
    try {
      const url = new URL(href, pageUrl).toString();
      if (!seen.has(url)) {
        seen.add(url);
        out.push(url);
      }
    } catch {
      // A malformed href is skipped; the rest of the listing still counts.
    }
  });
  return out;
}
