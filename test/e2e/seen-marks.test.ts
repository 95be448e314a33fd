// A fetched article is marked seen only once its article job exists. The marks are written in
// batches (with the next page's raw page, and at the end of the crawl): a crawl that fails
// part-way must still mark the pages whose jobs exist, and leave the others unseen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../crawlers/crawl/crawl-source.js';
import type { PageFetcher } from '../../crawlers/fetched-page.js';
import type { FetchRequest } from '../../crawlers/fetch-request.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { testSource } from '../helpers/test-source.js';

const HOST = 'seen.example.vn';
const ARTICLES = Array.from({ length: 6 }, (_, i) => `https://${HOST}/bai-${1_000_000 + i}.html`);
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel>${ARTICLES.map((u) => `<item><link>${u}</link></item>`).join('')}</channel></rss>`;
const PAGE = `<html><body><h1>Tiêu đề</h1><article><p>${'Hàn Quốc và Mỹ tập trận. '.repeat(20)}</p></article></body></html>`;

/** Serves the feed and article pages from memory; throws after `failAfter` article pages. */
function fakeFetcher(failAfter = Infinity): PageFetcher & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    async fetchAll(requests: FetchRequest[], onPage) {
      for (const request of requests) {
        if (request.label === 'article' && fetched.length >= failAfter) throw new Error('connection reset');
        if (request.label === 'article') fetched.push(request.url);
        const body = request.label === 'feed' ? FEED : PAGE;
        await onPage({ request, finalUrl: request.url, status: 200, contentType: 'text/html', body });
      }
    },
  };
}

describe('seen marks', () => {
  let replay: ReplayServer; // answers robots.txt with 404: everything allowed
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const source = testSource(HOST);

  beforeAll(async () => {
    replay = await startReplayServer(tempDir('tw-seen'));
    rt = await testRuntime({ sources: [source], originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` } });
  });
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  const deps = (fetcher: PageFetcher) => ({
    redis: rt.redis,
    keys: rt.keys,
    originMap: rt.originMap,
    articleQueue: rt.queues.article,
    log: rt.log,
    fetchers: () => ({ discovery: fetcher, articles: fetcher }),
  });

  it('marks the pages whose jobs exist when the crawl fails part-way, and fetches only the rest next time', async () => {
    const failing = fakeFetcher(4);
    await expect(crawlSource(deps(failing), source)).rejects.toThrow('connection reset');
    expect(failing.fetched).toHaveLength(4);
    expect(await rt.queues.article.getJobCounts('waiting')).toEqual({ waiting: 4 });

    const next = fakeFetcher();
    const summary = await crawlSource(deps(next), source);
    expect(next.fetched).toEqual(ARTICLES.slice(4));
    expect(summary).toMatchObject({ discovered: 6, new: 2, fetched: 2 });

    const again = fakeFetcher();
    expect(await crawlSource(deps(again), source)).toMatchObject({ discovered: 6, new: 0, fetched: 0 });
    expect(again.fetched).toEqual([]);
  });
});
