// RSS 2.0 and Atom items → article links. Outlets' feeds are often slightly broken (VnExpress's
// `</br>` inside descriptions, NFD titles, 2-digit years), so parsing is lenient about markup
// and strict only about what we use: a link per item. At most FEED_MAX_ITEMS items are read.
import { load } from 'cheerio';
import { parseDateIso } from '../../src/text/dates.js';
import { cleanLine } from '../../src/text/normalize.js';
import { cutAfterItems, FEED_MAX_ITEMS } from './item-cap.js';
import { FeedError } from '../errors.js';

export interface FeedItem {
  url: string;
  title: string;
  guid: string | null;
  /** The raw date string as the feed printed it. */
  publishedRaw: string | null;
  /** ISO 8601 in the outlet's offset, or null when the date is missing or unreadable. */
  publishedAt: string | null;
}

export function parseFeed(xml: string, feedUrl: string, timezone = '+07:00'): FeedItem[] {
  const text = xml.replace(/^\uFEFF/, '').trimStart();
  if (!/^<(?:\?xml|rss|feed|rdf:RDF)/i.test(text)) {
    throw new FeedError(`not an RSS or Atom document: ${feedUrl} starts with ${JSON.stringify(text.slice(0, 40))}`);
  }
  const $ = load(cutAfterItems(text, /<\/(?:item|entry)\s*>/i, FEED_MAX_ITEMS).text, { xml: true });
  const nodes = $('item, entry').toArray();
  if (nodes.length === 0 && $('rss, feed, rdf\\:RDF').length === 0) {
    throw new FeedError(`no <rss> or <feed> element in ${feedUrl}`);
  }
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    const el = $(node);
    let link = cleanLine(el.children('link').first().text());
    if (!link) {
      const alt = el.children('link[rel="alternate"]').attr('href') ?? el.children('link').attr('href');
      link = cleanLine(alt ?? '');
    }
    const guid = cleanLine(el.children('guid, id').first().text()) || null;
    if (!link && guid && /^https?:\/\//.test(guid)) link = guid;
    if (!link) continue;
    let url: string;
    try {
      url = new URL(link, feedUrl).toString();
    } catch {
      continue;
    }
    // Feeds repeat items (the same guid twice): keep the first.
    if (seen.has(url)) continue;
    seen.add(url);
    const publishedRaw = cleanLine(el.children('pubDate, published, updated, dc\\:date').first().text()) || null;
    items.push({
      url,
      title: cleanLine(el.children('title').first().text()),
      guid,
      publishedRaw,
      publishedAt: publishedRaw ? parseDateIso(publishedRaw, timezone) : null,
    });
  }
  return items;
}
