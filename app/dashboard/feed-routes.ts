// The dashboard's feeds (feeds.ts builds them): /feeds/all.atom|json for every on-topic story,
// /feeds/rule-<name>.atom|json for one watch rule's matches.
// - Conditional GET: the feed changes only when the manifest does, so its ETag and Last-Modified
//   come from the manifest's size and time, and a reader that has the current one gets a 304
//   before anything is read.
// - RFC 5005 paging: the feed holds the 50 newest stories and links (prev-archive) to archive
//   pages of 50 (`?archive=K`, K = 1 the oldest), counted from the oldest story so a page never
//   changes once full; only full pages are archives. JSON Feed gets the same pages by next_url.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Context, Hono } from 'hono';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { manifestLines, manifestPath } from '../../src/write/article-files.js';
import { parseManifestLine } from '../../src/write/manifest-entry.js';
import { atomFeed, jsonFeed, leadOf } from './feeds.js';
import type { ManifestArticle } from './latest-articles.js';

/** Entries per feed document: the newest stories, and each archive page. */
export const FEED_ENTRIES = 50;

/** Every article line of the feed, oldest first (the order they were written). */
async function feedArticles(outDir: string, rule: string | undefined): Promise<ManifestArticle[]> {
  const out: ManifestArticle[] = [];
  for await (const line of manifestLines(outDir)) {
    const read = parseManifestLine(line);
    if (!read.ok || read.entry.type !== 'article') continue;
    const a = read.entry as unknown as ManifestArticle;
    if (!rule || a.matched_rules?.includes(rule)) out.push(a);
  }
  return out;
}

/** The validators of a feed document: the manifest's state and the document asked for. */
async function validators(outDir: string, doc: string): Promise<{ etag: string; lastModified: Date }> {
  const st = await stat(manifestPath(outDir)).catch(() => null);
  const state = `${st?.size ?? 0}-${st?.mtimeMs ?? 0}-${doc}`;
  const etag = `"${createHash('sha256').update(state).digest('hex').slice(0, 20)}"`;
  // HTTP dates have whole seconds.
  return { etag, lastModified: new Date(Math.floor((st?.mtimeMs ?? 0) / 1000) * 1000) };
}

/** Whether the reader's copy is current (RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since). */
function notModified(c: Context, etag: string, lastModified: Date): boolean {
  const inm = c.req.header('if-none-match');
  if (inm !== undefined)
    return inm
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === etag || t === '*');
  const ims = Date.parse(c.req.header('if-modified-since') ?? '');
  return Number.isFinite(ims) && lastModified.getTime() <= ims;
}

export function registerFeedRoutes(app: Hono, rt: Runtime): void {
  // Guarded like every page: beyond loopback a feed reader sends the token as ?token=… (kept out
  // of the feed's links).
  app.get('/feeds/:name', async (c) => {
    const m = /^(all|rule-(.+))\.(atom|json)$/.exec(c.req.param('name'));
    const rule = m?.[2];
    if (!m || (rule && !rt.alerts.watchlist.rules.some((r) => r.name === rule))) return c.text('no such feed', 404);
    const archiveParam = c.req.query('archive');
    if (archiveParam !== undefined && !/^[1-9]\d{0,8}$/.test(archiveParam)) return c.text('no such archive page', 404);
    const { etag, lastModified } = await validators(rt.outDir, `${m[0]}?${archiveParam ?? ''}`);
    const cache = { etag, 'last-modified': lastModified.toUTCString(), 'cache-control': 'no-cache' };
    if (notModified(c, etag, lastModified)) return c.body(null, 304, cache);

    const all = await feedArticles(rt.outDir, rule);
    const pages = Math.floor(all.length / FEED_ENTRIES);
    const page = archiveParam === undefined ? null : Number(archiveParam);
    if (page !== null && page > pages) return c.text('no such archive page', 404);
    const chosen = page === null ? all.slice(-FEED_ENTRIES) : all.slice((page - 1) * FEED_ENTRIES, page * FEED_ENTRIES);
    const entries = await Promise.all(
      chosen.reverse().map(async (article) => ({ article, lead: await leadOf(rt.outDir, article.file) })),
    );
    const self = new URL(c.req.url);
    self.searchParams.delete('token');
    const current = new URL(self);
    current.searchParams.delete('archive');
    const pageUrl = (k: number): string => {
      const u = new URL(current);
      u.searchParams.set('archive', String(k));
      return u.href;
    };
    const prev = page === null ? pages : page - 1;
    const meta = {
      title: rule ? `tinwatch: ${rule}` : 'tinwatch: every on-topic story',
      selfUrl: self.href,
      homeUrl: new URL('/', self).href,
      id: `urn:tinwatch:feed:${rt.keys.prefix}:${m[1]}${page === null ? '' : `:archive:${page}`}`,
      paging: {
        archive: page !== null,
        ...(page !== null ? { current: current.href } : {}),
        ...(prev >= 1 ? { prevArchive: pageUrl(prev) } : {}),
        ...(page !== null && page < pages ? { nextArchive: pageUrl(page + 1) } : {}),
      },
    };
    return m[3] === 'atom'
      ? c.body(atomFeed(meta, entries), 200, { ...cache, 'content-type': 'application/atom+xml; charset=utf-8' })
      : c.body(jsonFeed(meta, entries), 200, { ...cache, 'content-type': 'application/feed+json; charset=utf-8' });
  });
}
