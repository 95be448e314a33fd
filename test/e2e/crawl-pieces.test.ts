// The crawl's Redis-backed pieces on a real Redis: conditional-GET validators round-trip, and a
// discovery page's links become fetches only when unseen, new to this crawl, allowed by
// robots.txt and within the crawl's cap.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveValidators, withValidators } from '../../crawlers/crawl/conditional-get.js';
import { NewArticles } from '../../crawlers/crawl/new-articles.js';
import type { FeedRequest } from '../../crawlers/fetch-request.js';
import { RobotsPolicy } from '../../crawlers/robots-policy.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { createOriginMap } from '../../base/url/origin-map.js';
import { testSource } from '../helpers/test-source.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';

const HOST = 'pieces.example.vn';
const url = (n: number): string => `https://${HOST}/tin-${String(n).padStart(7, '0')}.html`;

describe('crawl pieces', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let replay: ReplayServer;

  beforeAll(async () => {
    const root = tempDir('tw-pieces');
    mkdirSync(path.join(root, HOST), { recursive: true });
    writeFileSync(path.join(root, HOST, 'robots.txt'), 'User-agent: *\nDisallow: /tin-0000004.html\n');
    replay = await startReplayServer(root);
    rt = await testRuntime();
  });
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('sends back the validators of the last full read, and only those', async () => {
    const feed: FeedRequest = { url: `https://${HOST}/rss.xml`, label: 'feed' };
    const other = { url: `https://${HOST}/other.xml`, label: 'feed' as const };
    expect(await withValidators(rt.redis, rt.keys, [feed])).toEqual([feed]);
    await saveValidators(rt.redis, rt.keys, [[feed.url, { etag: '"v1"', lastModified: undefined }]]);
    expect(await withValidators(rt.redis, rt.keys, [feed, other])).toEqual([
      { ...feed, headers: { 'if-none-match': '"v1"' } },
      other,
    ]);
    await saveValidators(rt.redis, rt.keys, [[feed.url, { lastModified: 'Tue, 01 Sep 2026 00:00:00 GMT' }]]);
    expect((await withValidators(rt.redis, rt.keys, [feed]))[0]!.headers).toEqual({
      'if-modified-since': 'Tue, 01 Sep 2026 00:00:00 GMT',
    });
  });

  it('picks unseen, allowed links new to this crawl, up to the cap', async () => {
    const source = testSource(HOST, { discovery: { feeds: [`https://${HOST}/rss.xml`], maxNewPerCrawl: 3 } });
    const robots = new RobotsPolicy({
      redis: rt.redis,
      keys: rt.keys,
      originMap: createOriginMap({ [`https://${HOST}`]: `${replay.url}/${HOST}` }),
      log: rt.log,
      userAgent: 'tinwatch-test',
    });
    const pick = new NewArticles(source, rt, robots);
    const identity = (n: number): string => url(n);
    await rt.redis.sadd(rt.keys.seen, identity(1));
    const first = await pick.select(
      [1, 2, 3, 4].map((n) => ({ url: url(n) })).concat([{ url: 'https://x.vn/a' }]),
      'p1',
    );
    expect(first.found.map((c) => c.url)).toEqual([url(1), url(2), url(3), url(4)]);
    expect(first.fresh.map((c) => c.url)).toEqual([url(2), url(3)]); // 1 seen, 4 disallowed
    expect(first.disallowed).toBe(1);
    // Met on an earlier page: not picked again; the cap (3) leaves room for one.
    const second = await pick.select(
      [2, 5, 6].map((n) => ({ url: url(n) })),
      'p2',
    );
    expect(second.found.map((c) => c.url)).toEqual([url(5), url(6)]);
    expect(second.fresh.map((c) => c.url)).toEqual([url(5)]);
    expect(second.capped).toBe(1);
    expect(pick.discovered).toBe(6);
  });
});
