// robots.txt is obeyed: disallowed articles are not fetched (and stay unseen), the file is cached
// in Redis per host, and a host whose robots.txt cannot be read is not crawled at all.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../crawlers/crawl/crawl-source.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { testSource } from '../helpers/test-source.js';
import { plainCrawlDeps } from '../helpers/crawl-deps.js';

const OPEN = 'polite.example.vn';
const DOWN = 'down.example.vn';

describe('robots.txt', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;

  beforeAll(async () => {
    const root = tempDir('tw-robots');
    for (const host of [OPEN, DOWN]) {
      mkdirSync(path.join(root, host, 'private'), { recursive: true });
      const items = [`https://${host}/bai-1234567.html`, `https://${host}/private/bai-7654321.html`]
        .map((u) => `<item><link>${u}</link></item>`)
        .join('');
      writeFileSync(
        path.join(root, host, 'rss.xml'),
        `<?xml version="1.0"?><rss version="2.0"><channel>${items}</channel></rss>`,
      );
      const page = `<html><body><h1>Tiêu đề</h1><article><p>${'Nội dung bài viết về quốc phòng Hàn Quốc và Mỹ. '.repeat(10)}</p></article></body></html>`;
      writeFileSync(path.join(root, host, 'bai-1234567.html'), page);
      writeFileSync(path.join(root, host, 'private', 'bai-7654321.html'), page);
    }
    writeFileSync(path.join(root, OPEN, 'robots.txt'), 'User-agent: *\nDisallow: /private/\n');
    writeFileSync(path.join(root, DOWN, 'robots.txt.meta.json'), JSON.stringify({ status: 503 }));
    replay = await startReplayServer(root);
    rt = await testRuntime({
      sources: [testSource(OPEN), testSource(DOWN)],
      originMap: { [`https://${OPEN}`]: `${replay.url}/${OPEN}`, [`https://${DOWN}`]: `${replay.url}/${DOWN}` },
    });
  });
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  const deps = () => ({
    ...plainCrawlDeps(rt),
  });

  it('fetches what robots.txt allows, skips what it disallows, and caches the file in Redis', async () => {
    const summary = await crawlSource(deps(), rt.sources[0]!);
    expect(summary).toMatchObject({ discovered: 2, new: 1, fetched: 1, robotsBlocked: 1 });
    expect(replay.hits.filter((h) => h.includes('/private/'))).toEqual([]);
    expect(await rt.redis.get(rt.keys.robots(`https://${OPEN}`))).toContain('Disallow: /private/');
    expect(await rt.redis.sismember(rt.keys.seen, `https://${OPEN}/private/bai-7654321.html`)).toBe(0);
    replay.hits.length = 0;
    await crawlSource(deps(), rt.sources[0]!);
    expect(replay.hits.filter((h) => h.endsWith('robots.txt'))).toEqual([]); // served from the cache
  });

  it('does not crawl a host whose robots.txt cannot be read, and fails the crawl saying so', async () => {
    replay.hits.length = 0;
    // Not "disallowed": unreachable is a failure with its cause, and every discovery URL failed.
    await expect(crawlSource(deps(), rt.sources[1]!)).rejects.toThrow(
      /every discovery URL of .* failed \(1; 1 robots-unreachable\): https?:\/\/[^ ]+\/robots\.txt unreachable \(HTTP 5\d\d; asked again after \d\d:\d\d:\d\d UTC\)/,
    );
    expect(replay.hits).toEqual([`/${DOWN}/robots.txt`]);
    const failure = JSON.parse((await rt.redis.lindex(rt.keys.fetchFailures, 0))!) as Record<string, unknown>;
    expect(failure).toMatchObject({ kind: 'feed', cause: 'robots-unreachable' });
  });
});
