// Bad input never crashes a crawl or loses a job: each case ends as a fetch failure or a failed
// article job, with a reason a person can act on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce, type RunSummary } from '../../workers/run-once/crawl-once.js';
import { listFailed } from '../../app/cli/failed-work.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { testSource } from '../helpers/test-source.js';

const HOST = 'bad.example.vn';
const CASES = {
  pdf: 'bai-1000001.html',
  empty: 'bai-1000002.html',
  loop: 'bai-1000003.html',
  malformed: 'bai-1000004.html',
  good: 'bai-1000005.html',
  gzipBomb: 'bai-1000006.html',
  oversizeChunked: 'bai-1000007.html',
  oversizeDeclared: 'bai-1000008.html',
  slowLoris: 'bai-1000009.html',
};

describe('bad input', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let summary: RunSummary;

  beforeAll(async () => {
    const root = tempDir('tw-bad');
    const dir = path.join(root, HOST);
    mkdirSync(dir, { recursive: true });
    const items = Object.values(CASES).map(
      (f) => `<item><link>https://${HOST}/${f}</link><pubDate>not a date</pubDate></item>`,
    );
    // Duplicate item ids in the feed as well.
    writeFileSync(
      path.join(dir, 'rss.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel>${items.join('')}${items[4]}</channel></rss>`,
    );
    writeFileSync(path.join(dir, CASES.pdf), '%PDF-1.4 binary');
    writeFileSync(
      path.join(dir, `${CASES.pdf}.meta.json`),
      JSON.stringify({ headers: { 'content-type': 'application/pdf' } }),
    );
    writeFileSync(path.join(dir, CASES.empty), '');
    writeFileSync(
      path.join(dir, `${CASES.loop}.meta.json`),
      JSON.stringify({ status: 301, headers: { location: `/${HOST}/${CASES.loop}` } }),
    );
    writeFileSync(
      path.join(dir, CASES.malformed),
      '<html><body><h1>Tiêu đề<article><p>Chỉ vài chữ<div><<<>>></p></table>',
    );
    const body = 'Quân đội Hàn Quốc và Mỹ tập trận chung nhằm củng cố thế trận phòng thủ của liên minh. '.repeat(4);
    writeFileSync(
      path.join(dir, CASES.good),
      `<html><body><h1>Hàn Quốc và Mỹ tập trận</h1><article><p>${body}</p></article></body></html>`,
    );
    // 64 MB of HTML gzipped to ~64 KB: must stop inflating at the 5 MB cap, not fill memory.
    writeFileSync(path.join(dir, CASES.gzipBomb), gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '), { level: 9 }));
    writeFileSync(
      path.join(dir, `${CASES.gzipBomb}.meta.json`),
      JSON.stringify({ headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' } }),
    );
    const big = `<html><body><h1>Lớn</h1><p>${'x'.repeat(6 * 1024 * 1024)}</p></body></html>`;
    writeFileSync(path.join(dir, CASES.oversizeChunked), big);
    writeFileSync(path.join(dir, `${CASES.oversizeChunked}.meta.json`), JSON.stringify({ chunked: true }));
    writeFileSync(path.join(dir, CASES.oversizeDeclared), big);
    writeFileSync(
      path.join(dir, CASES.slowLoris),
      `<html><body><h1>Chậm</h1><p>${'chậm '.repeat(200)}</p></body></html>`,
    );
    writeFileSync(path.join(dir, `${CASES.slowLoris}.meta.json`), JSON.stringify({ dripMs: 200 }));
    replay = await startReplayServer(root);
    const source = testSource(HOST);
    rt = await testRuntime({
      sources: [source],
      originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` },
      env: { TINWATCH_REQUEST_TIMEOUT_SECS: 2 },
    });
    summary = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
  }, 60_000);
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('finishes the crawl: the good page is written, every bad one is accounted for', () => {
    expect(summary.totals).toMatchObject({ discovered: 9, new: 9, written: 1, failed: 8 });
  });

  it('gives each bad page a reason', async () => {
    const failed = await listFailed(rt, ['article', 'fetch']);
    const reason = (file: string) => failed.find((f) => f.what.endsWith(file))?.reason ?? '';
    expect(reason(CASES.pdf)).toMatch(/Content-Type application\/pdf/);
    expect(reason(CASES.empty)).toMatch(/no (title|article body) found/);
    expect(reason(CASES.loop)).toMatch(/redirect/i);
    expect(reason(CASES.malformed)).toMatch(/no article body found/);
    expect(reason(CASES.gzipBomb)).toMatch(/larger than the page size cap .* once inflated \(gzip/);
    expect(reason(CASES.oversizeChunked)).toMatch(/larger than the page size cap .* while downloading/);
    expect(reason(CASES.oversizeDeclared)).toMatch(/larger than the page size cap .* Content-Length 629/);
    expect(reason(CASES.slowLoris)).toMatch(/Timeout awaiting 'request' for 2000ms/);
  });
});
