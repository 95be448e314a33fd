// Bad day: a feed answering HTTP 500 (issue 32, finding 9). Crawlee retried the feed request
// twice within the crawl, a second or so apart: three requests to the host where the limit is one
// feed request a minute. While feeds keep the host's spacing, a failed feed request is not retried
// within the crawl; the feed's next poll, a host turn later, is its retry.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../../crawlers/crawl/crawl-source.js';
import { FeedTurns, feedInFlightMs } from '../../../crawlers/poll/feed-turns.js';
import { testRuntime } from '../../helpers/test-runtime.js';
import { testSource } from '../../helpers/test-source.js';
import { plainCrawlDeps } from '../../helpers/crawl-deps.js';

const HOST = 'loi500.example.vn';

describe('bad day: a feed answering 500', () => {
  let server: http.Server;
  const hits: number[] = [];
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/rss.xml') hits.push(Date.now());
      res.writeHead(req.url === '/robots.txt' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end('broken');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    rt = await testRuntime({
      sources: [testSource(HOST)],
      originMap: { [`https://${HOST}`]: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
    });
  });
  afterAll(async () => {
    await rt?.cleanup();
    server?.close();
  });

  const deps = () => ({
    ...plainCrawlDeps(rt),
  });

  it('with the one-a-minute feed spacing, the feed is asked once, not three times', async () => {
    hits.length = 0;
    const failed = await crawlSource(
      { ...deps(), feedTurns: new FeedTurns(rt.redis, rt.keys, 60_000, feedInFlightMs({})) },
      rt.sources[0]!,
    ).catch((e: Error) => e);
    // The crawl says why it read nothing (the poll records it); the feed was asked once.
    expect((failed as Error).message).toMatch(/every discovery URL of loi500 failed.*500/);
    expect(hits).toHaveLength(1);
  }, 60_000);

  it('without feed spacing (feed polling off) crawlee still retries it', async () => {
    hits.length = 0;
    await rt.redis.del(rt.keys.hostPaused(HOST));
    await crawlSource(deps(), rt.sources[0]!).catch(() => undefined);
    expect(hits.length).toBeGreaterThan(1);
  }, 60_000);
});
