// The dashboard's feeds (feeds.ts builds them): /feeds/all.atom|json for every on-topic story,
// /feeds/rule-<name>.atom|json for one watch rule's matches.
import type { Hono } from 'hono';
import type { Runtime } from '../../src/runtime/runtime.js';
import { atomFeed, jsonFeed, leadOf } from './feeds.js';
import { latestArticles } from './latest-articles.js';

/** Entries per feed: the newest stories. */
const FEED_ENTRIES = 50;

export function registerFeedRoutes(app: Hono, rt: Runtime): void {
  // Feeds: /feeds/all.atom|json, /feeds/rule-<name>.atom|json. Guarded like every page: beyond
  // loopback a feed reader sends the token as ?token=… (kept out of the feed's self link).
  app.get('/feeds/:name', async (c) => {
    const m = /^(all|rule-(.+))\.(atom|json)$/.exec(c.req.param('name'));
    const rule = m?.[2];
    if (!m || (rule && !rt.alerts.watchlist.rules.some((r) => r.name === rule))) return c.text('no such feed', 404);
    const recent = (await latestArticles(rt.outDir, 5_000)).filter((a) => !rule || a.matched_rules.includes(rule));
    const entries = await Promise.all(
      recent.slice(0, FEED_ENTRIES).map(async (article) => ({ article, lead: await leadOf(rt.outDir, article.file) })),
    );
    const self = new URL(c.req.url);
    self.searchParams.delete('token');
    const meta = {
      title: rule ? `tinwatch: ${rule}` : 'tinwatch: every on-topic story',
      selfUrl: self.href,
      homeUrl: new URL('/', self).href,
      id: `urn:tinwatch:feed:${rt.keys.prefix}:${m[1]}`,
    };
    return m[3] === 'atom'
      ? c.body(atomFeed(meta, entries), 200, { 'content-type': 'application/atom+xml; charset=utf-8' })
      : c.body(jsonFeed(meta, entries), 200, { 'content-type': 'application/feed+json; charset=utf-8' });
  });
}
