// Failed work is visible with its reason and recoverable: a page with no article fails its job
// (not retried: it cannot get better), a missing page is a fetch failure, and `retry` either
// re-queues a job or, when its raw page is gone, lets the next crawl fetch the URL again.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../config/source-schema.js';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { listFailed, retryFailed } from '../../app/cli/failed-work.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { testSource } from '../helpers/test-source.js';
import { until } from '../helpers/until.js';

const HOST = 'broken.example.vn';
const url = (n: number) => `https://${HOST}/bai-${n}-123456${n}.html`;

describe('failed work', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;

  beforeAll(async () => {
    const root = tempDir('tw-broken');
    mkdirSync(path.join(root, HOST), { recursive: true });
    const items = [1, 2].map((n) => `<item><link>${url(n)}</link></item>`).join('');
    writeFileSync(
      path.join(root, HOST, 'rss.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel>${items}</channel></rss>`,
    );
    // Page 1 exists but has no article in it; page 2 was never recorded (404).
    writeFileSync(
      path.join(root, HOST, 'bai-1-1234561.html'),
      '<!DOCTYPE html><html><body><h1>Lỗi</h1><p>Trang không tồn tại.</p></body></html>',
    );
    replay = await startReplayServer(root);
    const source = testSource(HOST);
    rt = await testRuntime({ sources: [source], originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` } });
    await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
  });
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('lists the failed article job and the fetch failure with their reasons', async () => {
    const items = await listFailed(rt, ['article', 'fetch']);
    const article = items.find((i) => i.queue === 'article')!;
    expect(article.what).toBe(`broken ${url(1)}`);
    expect(article.reason).toMatch(/^no article body found on /);
    expect(article.attempts).toBe(1); // permanent: not retried
    const fetch = items.find((i) => i.queue === 'fetch')!;
    expect(fetch.what).toBe(`broken article ${url(2)}`);
    expect(fetch.reason).toMatch(/404/);
  });

  it('retry re-queues a failed job whose raw page is still there', async () => {
    const [failed] = await rt.queues.article.getFailed();
    expect(await retryFailed(rt, ['article'])).toEqual({ requeued: [failed!.id], refetch: [], queues: ['article'] });
    expect(await (await rt.queues.article.getJob(failed!.id!))!.getState()).toBe('waiting');
  });

  it('retry releases an article whose raw page expired, and the next crawl fetches it again', async () => {
    // Work the re-queued job: the page is still not an article, so it fails again.
    const again = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    expect(again.totals).toMatchObject({ new: 1, failed: 1 }); // page 2 still 404s (so stays unseen); page 1 is seen
    await until('the article job failed again', async () => (await rt.queues.article.getFailedCount()) > 0);
    const [failed] = await rt.queues.article.getFailed();
    const data = failed!.data as { rawKey: string; canonicalUrl: string };
    await rt.redis.del(data.rawKey); // its raw page has expired
    expect(await rt.redis.sismember(rt.keys.seen, data.canonicalUrl)).toBe(1);
    expect(await retryFailed(rt, ['article'], [failed!.id!])).toEqual({
      requeued: [],
      refetch: [failed!.id],
      queues: [],
    });
    expect(await rt.redis.sismember(rt.keys.seen, data.canonicalUrl)).toBe(0);
    replay.hits.length = 0;
    const third = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    expect(third.totals.new).toBe(2);
    expect(replay.hits.some((h) => h.includes('bai-1-'))).toBe(true);
  });
});

describe('SSRF', () => {
  it('refuses a redirect into a local address and an unmapped loopback feed, fetching nothing there', async () => {
    const root = tempDir('tw-ssrf');
    const host = 'redirecting.example.vn';
    mkdirSync(path.join(root, host), { recursive: true });
    const replay = await startReplayServer(root);
    // The outlet's feed redirects to an internal service on loopback (not under the mapped base).
    writeFileSync(
      path.join(root, host, 'rss.xml.meta.json'),
      JSON.stringify({ status: 302, headers: { location: `${replay.url}/internal/secret` } }),
    );
    const make = (id: string, feed: string, hosts: string[]) =>
      sourceSchema.parse({
        id,
        name: id,
        homepage: feed,
        hosts,
        discovery: { feeds: [feed] },
        articleUrlPattern: '.',
        extract: {},
        provenance: 'test',
      });
    const redirecting = make('redirecting', `https://${host}/rss.xml`, [host]);
    const port = new URL(replay.url).port;
    const loopback = make('loopback', `http://localhost:${port}/internal/rss.xml`, ['localhost']);
    const rt = await testRuntime({
      sources: [redirecting, loopback],
      originMap: { [`https://${host}`]: `${replay.url}/${host}` },
    });
    try {
      const summary = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
      expect(summary.sources[0]!.errors.join(' ')).toMatch(/every discovery URL of redirecting failed/);
      // The loopback source never gets as far as its feed: even its robots.txt is refused, so the
      // crawl fails naming robots.txt and the refusal (not "disallowed", which would hide it).
      expect(summary.sources[1]).toMatchObject({ discovered: 0, new: 0, failed: 1 });
      expect(summary.sources[1]!.errors.join(' ')).toMatch(/robots\.txt unreachable \(refusing localhost/);
      expect(await rt.redis.get(rt.keys.robots(`http://localhost:${port}`))).toContain('Disallow: /');
      const failures = (await rt.redis.lrange(rt.keys.fetchFailures, 0, -1)).join('\n');
      expect(failures).toMatch(/refusing 127\.0\.0\.1: it resolves to 127\.0\.0\.1/);
      expect(replay.hits.filter((h) => h.startsWith('/internal'))).toEqual([]);
    } finally {
      await rt.cleanup();
      await replay.close();
    }
  });
});

describe('legacy charsets through the crawler', () => {
  it('extracts a windows-1258 page whose charset only the page itself declares', async () => {
    const iconv = (await import('iconv-lite')).default;
    const root = tempDir('tw-1258');
    const host = 'legacy.example.vn';
    mkdirSync(path.join(root, host), { recursive: true });
    writeFileSync(
      path.join(root, host, 'rss.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel><item><link>https://${host}/bai-1234567.html</link></item></channel></rss>`,
    );
    const body =
      'Quân đội Hàn Quốc và Mỹ bắt đầu cuộc tập trận chung, củng cố thế trận phòng thủ của liên minh trước các mối đe dọa tên lửa. '.repeat(
        3,
      );
    const page = `<html><head><meta charset="windows-1258"></head><body><h1>Hàn Quốc và Mỹ tập trận chung</h1><article><p>${body}</p></article></body></html>`;
    // windows-1258 writes tone marks as combining characters after precomposed base letters.
    let decomposed = '';
    for (const ch of page) {
      const nfd = ch.normalize('NFD');
      const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(nfd)?.[0] ?? '';
      decomposed += nfd.replace(tone, '').normalize('NFC') + tone;
    }
    writeFileSync(path.join(root, host, 'bai-1234567.html'), iconv.encode(decomposed, 'windows-1258'));
    writeFileSync(
      path.join(root, host, 'bai-1234567.html.meta.json'),
      JSON.stringify({ headers: { 'content-type': 'text/html' } }),
    );
    const replay = await startReplayServer(root);
    const source = testSource(host);
    const rt = await testRuntime({ sources: [source], originMap: { [`https://${host}`]: `${replay.url}/${host}` } });
    try {
      const summary = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
      expect(summary.totals).toMatchObject({ written: 1, failed: 0 });
      const { readdirSync, readFileSync } = await import('node:fs');
      const [file] = readdirSync(path.join(rt.outDir, 'articles'));
      expect(readFileSync(path.join(rt.outDir, 'articles', file!), 'utf8')).toBe(
        `Hàn Quốc và Mỹ tập trận chung\n\n${body.trim()}`,
      );
    } finally {
      await rt.cleanup();
      await replay.close();
    }
  });
});
