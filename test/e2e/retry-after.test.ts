// 429 with Retry-After is honoured: the retry waits what the server asked, then succeeds; a wait
// longer than we hold a crawl slot fails the page now (the next crawl tries again).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../crawlers/crawl/crawl-source.js';
import { retryAfterMs, retryWaitMs } from '../../crawlers/request-policy.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { testSource } from '../helpers/test-source.js';
import { plainCrawlDeps } from '../helpers/crawl-deps.js';

const HOST = 'busy.example.vn';

describe('Retry-After', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    const root = tempDir('tw-429');
    mkdirSync(path.join(root, HOST), { recursive: true });
    const items = ['bai-1234561.html', 'bai-1234562.html']
      .map((f) => `<item><link>https://${HOST}/${f}</link></item>`)
      .join('');
    writeFileSync(
      path.join(root, HOST, 'rss.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel>${items}</channel></rss>`,
    );
    const page = `<html><body><h1>Tiêu đề</h1><article><p>${'Nội dung về quốc phòng. '.repeat(20)}</p></article></body></html>`;
    for (const f of ['bai-1234561.html', 'bai-1234562.html']) writeFileSync(path.join(root, HOST, f), page);
    writeFileSync(
      path.join(root, HOST, 'bai-1234561.html.meta.json'),
      JSON.stringify({ sequence: [{ status: 429, headers: { 'retry-after': '2' } }] }),
    );
    writeFileSync(
      path.join(root, HOST, 'bai-1234562.html.meta.json'),
      JSON.stringify({ sequence: [{ status: 503, headers: { 'retry-after': '3600' } }] }),
    );
    replay = await startReplayServer(root);
    rt = await testRuntime({
      sources: [testSource(HOST)],
      originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` },
    });
  });
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('parses Retry-After and caps the wait', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryWaitMs(undefined, 2)).toBe(4_000);
    expect(retryWaitMs('3600', 0)).toBeNull();
  });

  it('waits as asked before retrying a 429, and gives up at once on an hour-long 503', async () => {
    const started = Date.now();
    const summary = await crawlSource(
      {
        ...plainCrawlDeps(rt),
      },
      rt.sources[0]!,
    );
    const elapsed = Date.now() - started;
    expect(summary).toMatchObject({ new: 2, fetched: 1, fetchFailed: 1 });
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(elapsed).toBeLessThan(20_000);
    expect(replay.hits.filter((h) => h.endsWith('bai-1234561.html'))).toHaveLength(2);
    expect(replay.hits.filter((h) => h.endsWith('bai-1234562.html'))).toHaveLength(1);
  }, 30_000);
});
