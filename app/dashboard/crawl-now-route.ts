// The dashboard's "crawl now" button on a source.
import type { Hono } from 'hono';
import { addSourceCrawl } from '../../base/queues.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { pollFeedsNow } from '../../workers/poll-jobs.js';

export function registerCrawlNowRoute(app: Hono, rt: Runtime): void {
  // "Crawl now" on a source: the same job a schedule tick queues (one waiting crawl per source at
  // most, so pressing twice does not crawl twice), and its feed polls brought forward.
  // State-changing: guarded like the marks.
  app.post('/sources/:id/crawl', async (c) => {
    const source = rt.sources.find((s) => s.id === c.req.param('id'));
    if (!source) return c.text('no such source', 404);
    await addSourceCrawl(rt.queues.crawl, source.id);
    // Its feeds are read now too (each still waits for its host's feed turn).
    await pollFeedsNow(rt, source);
    rt.log.info({ sourceId: source.id }, 'crawl queued from the dashboard');
    return c.redirect(`/?queued=${encodeURIComponent(source.id)}#sources`, 303);
  });
}
