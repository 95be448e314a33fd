// Article links on a section listing page, resolved against the page's real URL. htmlparser2
// (cheerio/slim), as the extraction uses: parse5 takes quadratic time on a deeply nested page.
import { load } from 'cheerio/slim';
import { flattenDeepTree } from '../../src/extract/flatten-depth.js';

export function listingLinks(html: string, pageUrl: string, linkSelector: string): string[] {
  const $ = load(html);
  flattenDeepTree($.root()[0]!); // the selector engine recurses once per level
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
