// Feeds of what tinwatch wrote, for a feed reader: every on-topic story, or the stories one watch
// rule matched, as Atom (RFC 4287) and JSON Feed 1.1. Built from the manifest's newest entries;
// each entry links to the outlet's page and carries the story's lead.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '../../src/alert/alert-content.js';
import { xmlSafeText } from '../../src/text/xml-chars.js';
import type { ManifestArticle } from './latest-articles.js';

export interface FeedEntry {
  article: ManifestArticle;
  /** The story's lead (the text file's second block), or null when the file is gone. */
  lead: string | null;
}

export interface FeedMeta {
  title: string;
  /** The feed's own URL (self link) and the dashboard page it stands for. */
  selfUrl: string;
  homeUrl: string;
  /** Stable id of the feed: the same for every fetch. */
  id: string;
  /** RFC 5005 paging: links to the current feed and the neighbouring archive pages. */
  paging?: { archive: boolean; current?: string; prevArchive?: string; nextArchive?: string };
}

/** The lead of a written story (title, blank line, lead, …), read from its text file. */
export async function leadOf(outDir: string, file: string): Promise<string | null> {
  const text = await readFile(path.join(outDir, file), 'utf8').catch(() => null);
  return text?.split('\n\n')[1]?.trim() || null;
}

const updatedOf = (a: ManifestArticle): string =>
  a.written_at ?? a.fetched_at ?? a.published_at ?? new Date(0).toISOString();
const entryId = (a: ManifestArticle): string => `urn:tinwatch:story:${a.id}`;

/** Text for an XML document: its forbidden characters dropped, then escaped. */
const x = (text: string): string => escapeHtml(xmlSafeText(text));

export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const updated = entries.length ? updatedOf(entries[0]!.article) : new Date(0).toISOString();
  const items = entries.map(({ article: a, lead }) =>
    [
      '  <entry>',
      `    <id>${x(entryId(a))}</id>`,
      `    <title>${x(a.title)}</title>`,
      `    <link rel="alternate" href="${x(a.url)}"/>`,
      `    <updated>${x(updatedOf(a))}</updated>`,
      ...(a.published_at ? [`    <published>${x(a.published_at)}</published>`] : []),
      `    <author><name>${x(a.outlet)}</name></author>`,
      ...a.matched_rules.map((r) => `    <category term="${x(r)}"/>`),
      ...(lead ? [`    <summary>${x(lead)}</summary>`] : []),
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0">',
    `  <id>${x(meta.id)}</id>`,
    `  <title>${x(meta.title)}</title>`,
    `  <updated>${x(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(meta.selfUrl)}"/>`,
    `  <link rel="alternate" href="${x(meta.homeUrl)}"/>`,
    ...(meta.paging?.archive ? ['  <fh:archive/>'] : []),
    ...(meta.paging?.current ? [`  <link rel="current" href="${x(meta.paging.current)}"/>`] : []),
    ...(meta.paging?.prevArchive ? [`  <link rel="prev-archive" href="${x(meta.paging.prevArchive)}"/>`] : []),
    ...(meta.paging?.nextArchive ? [`  <link rel="next-archive" href="${x(meta.paging.nextArchive)}"/>`] : []),
    '  <generator>tinwatch</generator>',
    ...items,
    '</feed>',
    '',
  ].join('\n');
}

export function jsonFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  // The same text as the Atom feed: JSON could carry U+FFFE, but a reader converting it cannot.
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: meta.title,
      home_page_url: meta.homeUrl,
      feed_url: meta.selfUrl,
      // JSON Feed's paging: next_url leads to older items (the previous archive page).
      ...(meta.paging?.prevArchive ? { next_url: meta.paging.prevArchive } : {}),
      language: 'vi',
      items: entries.map(({ article: a, lead }) => ({
        id: entryId(a),
        url: a.url,
        title: a.title,
        content_text: lead ?? a.title,
        ...(a.published_at ? { date_published: a.published_at } : {}),
        date_modified: updatedOf(a),
        authors: [{ name: a.outlet }],
        tags: a.matched_rules,
      })),
    },
    (_key, value: unknown) => (typeof value === 'string' ? xmlSafeText(value) : value),
    2,
  );
}
