// A page dated 2021 that its feed lists as today's is no new story: not written, never alerted,
// recorded with both dates (`tinwatch skipped`) and counted in the URL ledger's "stale" bucket.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayReport } from '../../app/cli/day-report.js';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { recentSkipped } from '../../pipeline/article/skipped-articles.js';
import { staleDates } from '../../pipeline/article/skip-stale.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { classifiedOnTopicArticles, testArticlePage, testSource } from '../helpers/test-source.js';

const HOST = 'stale.example.vn';

describe('a stale page listed as new', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    const dir = tempDir('tw-stale');
    mkdirSync(path.join(dir, HOST), { recursive: true });
    const [oldOne, newOne] = classifiedOnTopicArticles();
    const meta = (d: string) => `<meta property="article:published_time" content="${d}">`;
    const page = (a: typeof oldOne, date: string) =>
      testArticlePage(a!).replace('<html><body>', `<html><head>${meta(date)}</head><body>`);
    writeFileSync(path.join(dir, HOST, 'bai-1000001.html'), page(oldOne, '2021-03-04T08:00:00+07:00'));
    writeFileSync(path.join(dir, HOST, 'bai-1000002.html'), page(newOne, new Date().toISOString()));
    const item = (id: number) =>
      `<item><link>https://${HOST}/bai-${id}.html</link><pubDate>${new Date().toUTCString()}</pubDate></item>`;
    writeFileSync(
      path.join(dir, HOST, 'rss.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel>${item(1000001)}${item(1000002)}</channel></rss>`,
    );
    replay = await startReplayServer(dir);
    rt = await testRuntime({
      sources: [testSource(HOST)],
      originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` },
      env: { TINWATCH_HOST_DELAY_MS: 0 },
    });
    await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
  }, 120_000);
  afterAll(async () => {
    await rt?.cleanup();
    await replay?.close();
  });

  it('is recorded as stale with both dates, not written', async () => {
    const manifest = path.join(rt.outDir, 'manifest.jsonl');
    const lines = existsSync(manifest) ? readFileSync(manifest, 'utf8').trim().split('\n') : [];
    expect(lines.map((l) => (JSON.parse(l) as { url: string }).url)).toEqual([`https://${HOST}/bai-1000002.html`]);
    const skipped = await recentSkipped(rt.redis, rt.keys, 10);
    expect(skipped.map((s) => s.reason)).toContainEqual(
      expect.stringMatching(/^stale: the page is dated 2021-03-04, its listing says \d{4}-\d\d-\d\d$/),
    );
    const day = (await dayReport(rt)).sources[0]!;
    expect(day.counts).toMatchObject({ stale: 1, written: 1, 'in-progress': 0 });
  });

  it('takes a page as stale only when its own date is over a week older than its listing', () => {
    expect(staleDates('2026-12-01T00:00:00Z', '2026-12-07T00:00:00Z')).toBeNull();
    expect(staleDates('2026-11-29T00:00:00Z', '2026-12-07T00:00:00Z')).not.toBeNull();
    expect(staleDates(null, '2026-12-07T00:00:00Z')).toBeNull();
    expect(staleDates('not a date', '2026-12-07T00:00:00Z')).toBeNull();
    // A page dated after its listing (an update) is never stale.
    expect(staleDates('2026-12-08T00:00:00Z', '2026-12-07T00:00:00Z')).toBeNull();
  });
});
