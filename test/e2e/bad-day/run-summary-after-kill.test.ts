// Issue 32, finding 12 (last point): after kills the run summary showed `new 230` beside
// `written 425`. A crawl attempt killed part-way has marked its pages seen and queued their
// article jobs; the retried attempt (same run) then finds them seen and counted only its own new
// pages. The run's list of article jobs is the record: the summary counts from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../../crawlers/crawl/crawl-source.js';
import type { PageFetcher } from '../../../crawlers/fetched-page.js';
import type { FetchRequest } from '../../../crawlers/fetch-request.js';
import { startReplayServer, type ReplayServer } from '../../../app/replay/replay-server.js';
import { tempDir, testRuntime } from '../../helpers/test-runtime.js';
import { testSource } from '../../helpers/test-source.js';

const HOST = 'tomtat.example.vn';
const ARTICLES = Array.from({ length: 7 }, (_, i) => `https://${HOST}/tin-${2_000_000 + i}.html`);
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel>${ARTICLES.map((u) => `<item><link>${u}</link></item>`).join('')}</channel></rss>`;
const PAGE = `<html><body><h1>Tin vắn</h1><article><p>${'Hai nước ký thỏa thuận hợp tác quốc phòng. '.repeat(15)}</p></article></body></html>`;

/** Serves the feed and pages from memory; the attempt "dies" (throws) after `dieAfter` pages. */
function fetcher(dieAfter = Infinity): PageFetcher {
  let pages = 0;
  return {
    async fetchAll(requests: FetchRequest[], onPage) {
      for (const request of requests) {
        if (request.label === 'article' && pages++ >= dieAfter) throw new Error('worker killed');
        const body = request.label === 'feed' ? FEED : PAGE;
        await onPage({ request, finalUrl: request.url, status: 200, contentType: 'text/html', body });
      }
    },
  };
}

describe('the run summary after a killed crawl attempt', () => {
  let replay: ReplayServer; // robots.txt 404: everything allowed
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const source = testSource(HOST);

  beforeAll(async () => {
    replay = await startReplayServer(tempDir('tw-summary'));
    rt = await testRuntime({ sources: [source], originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` } });
  });
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  const deps = (f: PageFetcher) => ({
    redis: rt.redis,
    keys: rt.keys,
    originMap: rt.originMap,
    articleQueue: rt.queues.article,
    log: rt.log,
    fetchers: () => ({ discovery: f, articles: f }),
  });

  it('counts as new every page of the run, the killed attempt’s included', async () => {
    await expect(crawlSource(deps(fetcher(5)), source, 'run1')).rejects.toThrow('worker killed');
    const retried = await crawlSource(deps(fetcher()), source, 'run1');
    expect(retried.articleJobIds).toHaveLength(7);
    // Before the fix: new 2, fetched 2 beside 7 article jobs (7 written).
    expect(retried).toMatchObject({ discovered: 7, new: 7, fetched: 7 });

    // A later run of its own finds nothing new: the count is per run, not carried over.
    const next = await crawlSource(deps(fetcher()), source, 'run2');
    expect(next).toMatchObject({ discovered: 7, new: 0, fetched: 0, articleJobIds: [] });
  });
});
