// Feed polls against a real replay server and Redis: one poll job per feed for good, conditional
// GET, one feed request per (simulated) minute per host, a new item fetched by the next poll, and
// scheduled crawls that leave the feeds to the polls. The clock runs 600× fast: a minute is 100 ms.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { FEED_POLL } from '../../config/feed-polling.js';
import { JOB, jobId, QUEUE } from '../../base/queues.js';
import { simulatedClock } from '../../pipeline/runtime/poll-clock.js';
import { handleCrawlJob, startCrawlWorker } from '../../workers/crawl-worker.js';
import { ensurePollJobs, removeStalePollJobs } from '../../workers/poll-jobs.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { testSource } from '../helpers/test-source.js';
import { until as waitUntil } from '../helpers/until.js';

const HOST = 'poll.example.vn';
const SCALE = 600;
const FEEDS = [`https://${HOST}/rss.xml`, `https://${HOST}/rss2.xml`];
const PAGE = `<html><body><h1>Hàn Quốc và Mỹ</h1><article><p>${'Hàn Quốc và Mỹ tập trận chung. '.repeat(20)}</p></article></body></html>`;

function feedXml(ids: number[]): string {
  const items = ids
    .map(
      (id) => `<item><link>https://${HOST}/bai-${id}.html</link><pubDate>${new Date().toUTCString()}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel>${items}</channel></rss>`;
}

const until = <T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> =>
  waitUntil(what, probe, 60_000, 50);

describe('feed polling', () => {
  let dir: string;
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const source = testSource(HOST, { discovery: { feeds: FEEDS } });
  const write = (rel: string, body: string) => {
    mkdirSync(path.dirname(path.join(dir, HOST, rel)), { recursive: true });
    writeFileSync(path.join(dir, HOST, rel), body);
  };
  const feedRequests = () => replay.requests.filter((r) => /\/rss2?\.xml$/.test(r.path));
  const articleJobUrls = async () =>
    (await rt.queues.article.getJobs(['waiting', 'prioritized', 'delayed'])).map(
      (j) => (j.data as { url: string }).url,
    );

  beforeAll(async () => {
    dir = tempDir('tw-poll');
    write('rss.xml', feedXml([1000001, 1000002]));
    write('rss2.xml', feedXml([1000003]));
    for (const id of [1000001, 1000002, 1000003, 1000004]) write(`bai-${id}.html`, PAGE);
    replay = await startReplayServer(dir);
    rt = await testRuntime({
      sources: [source],
      originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` },
      env: { TINWATCH_HOST_DELAY_MS: 0 },
      pollClock: simulatedClock(Date.now(), SCALE),
    });
  });
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('places one poll job per feed, once, and removes those of feeds no longer configured', async () => {
    expect(await ensurePollJobs(rt)).toEqual({ added: 2, revived: 0, removed: 0 });
    expect(await ensurePollJobs(rt)).toEqual({ added: 0, revived: 0, removed: 0 });
    await rt.queues.crawl.add(JOB.poll, { sourceId: source.id, feed: `https://${HOST}/gone.xml` }, { delay: 60_000 });
    expect(await removeStalePollJobs(rt)).toBe(1);
    const ids = (await rt.queues.crawl.getJobs(['waiting', 'prioritized', 'delayed'])).map((j) => j.id).sort();
    expect(ids).toEqual(FEEDS.map((f) => jobId.poll(source.id, f)).sort());
  });

  it('reads every feed, then asks with validators, one feed request per minute on the host', async () => {
    let worker: Worker | undefined;
    try {
      await ensurePollJobs(rt);
      worker = startCrawlWorker(rt, 2);
      // The three articles of the two feeds are queued by the first polls.
      await until('the first polls', async () => (await articleJobUrls()).length === 3);
      // Unchanged feeds answer 304 from then on.
      await until('a 304', async () => feedRequests().some((r) => r.status === 304));
      // A new item appears: the next poll of that feed fetches its article.
      write('rss.xml', feedXml([1000004, 1000001, 1000002]));
      await until('the new article', async () => (await articleJobUrls()).some((u) => u.endsWith('/bai-1000004.html')));
      expect(replay.hits.filter((h) => h.endsWith('/bai-1000001.html'))).toHaveLength(1);
      // The two feeds share a host: no two requests to them closer than a (simulated) minute.
      const at = feedRequests().map((r) => r.at);
      const spacing = FEED_POLL.hostSpacingMs / SCALE;
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(spacing - 5);
      expect(at.length).toBeGreaterThanOrEqual(4);
      const health = await rt.stats.health(source.id);
      expect(Date.parse(health.nextPollAt!)).toBeGreaterThan(Date.parse(health.lastPollAt!));
    } finally {
      await worker?.close();
    }
    // The poll jobs are never completed: they wait for their next poll.
    for (const f of FEEDS) {
      const job = await rt.queues.crawl.getJob(jobId.poll(source.id, f));
      expect(['delayed', 'prioritized', 'waiting']).toContain(await job!.getState());
    }
  });

  it('a scheduled crawl leaves the feeds to the polls; crawl --once reads them', async () => {
    const before = feedRequests().length;
    const scheduled = await rt.queues.crawl.add(JOB.crawl, { sourceId: source.id });
    await handleCrawlJob(rt, scheduled);
    expect(feedRequests().length).toBe(before);
    const once = await rt.queues.crawl.add(JOB.crawl, { sourceId: source.id, runId: 'once1' });
    await handleCrawlJob(rt, once);
    expect(feedRequests().length).toBe(before + 2);
  });

  it('revives a failed chain, and a chain ends when its feed leaves the configuration', async () => {
    const id = jobId.poll(source.id, FEEDS[0]!);
    await rt.queues.crawl.drain(true);
    await rt.queues.crawl.add(JOB.poll, { sourceId: source.id, feed: FEEDS[0]! }, { jobId: id, attempts: 1 });
    // Its worker died more often than the queue allows: BullMQ fails the job.
    const manual = new Worker(QUEUE.crawl, null, { connection: rt.workerConnection(), prefix: rt.keys.bullPrefix });
    try {
      const job = (await manual.getNextJob('died'))!;
      expect(job.id).toBe(id);
      await job.moveToFailed(new Error('job stalled more than allowable limit'), 'died', false);
    } finally {
      await manual.close();
    }
    expect(await (await rt.queues.crawl.getJob(id))!.getState()).toBe('failed');
    expect(await ensurePollJobs(rt)).toEqual({ added: 1, revived: 1, removed: 0 });
    expect(await (await rt.queues.crawl.getJob(id))!.getState()).not.toBe('failed');
    const other = await testRuntime({
      prefix: rt.keys.prefix,
      sources: [testSource(HOST, { discovery: { feeds: [] } })],
    });
    try {
      const ended = await handleCrawlJob(other, (await other.queues.crawl.getJob(id))!);
      expect(ended).toEqual({ ended: `the feed is no longer in ${source.id}'s configuration` });
    } finally {
      await other.close();
    }
  });
});
