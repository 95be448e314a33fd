// Alert delivery through the BullMQ alert queue on a real Redis, to a local webhook receiver:
// one alert per (story, rule, channel) whatever happens upstream or in the worker, retries with
// backoff, a failed list with the reason, per-channel rate limit, and digests that group stories.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import { watchlistSchema } from '../../config/watchlist-schema.js';
import { JOB } from '../../base/queues.js';
import { handleAlertJob, startAlertWorker } from '../../workers/alert-worker.js';
import { SITES } from '../helpers/fixtures.js';
import { startReceiver, type Receiver } from '../helpers/http-receiver.js';
import { testRuntime } from '../helpers/test-runtime.js';
import { feedOutletArticle } from '../helpers/feed-article.js';
import { until } from '../helpers/until.js';

const KIDD_PAGE = readFileSync(
  path.join(
    SITES,
    'baotintuc.vn/the-gioi/han-quoc-va-my-to-chuc-doi-thoai-quoc-phong-tich-hop-kidd-lan-thu-16-20190927093045123.htm',
  ),
  'utf8',
);
const BOLTON_PAGE = readFileSync(
  path.join(SITES, 'baotintuc.vn/the-gioi/my-han-nhat-tri-tang-cuong-hop-tac-an-ninh-20190724143512678.htm'),
  'utf8',
);
const CHIEFS_PAGE = readFileSync(
  path.join(
    SITES,
    'baotintuc.vn/the-gioi/gioi-chuc-quoc-phong-han-quoc-my-nhat-tri-day-manh-hop-tac-vi-hoa-binh-ban-dao-trieu-tien-20180625153012345.htm',
  ),
  'utf8',
);

// Five outlets carrying the same TTXVN copy: the Báo Tin tức source under five names.
const baotintuc = loadSources().find((s) => s.id === 'baotintuc')!;
const outlets = Array.from({ length: 5 }, (_, i) => ({
  ...baotintuc,
  id: `outlet-${i}`,
  name: `Outlet ${i}`,
  hosts: [`outlet${i}.vn`],
}));

type Rt = Awaited<ReturnType<typeof testRuntime>>;

describe('alert delivery', () => {
  let rx: Receiver;
  let rt: Rt;
  let worker: Worker | undefined;

  beforeAll(async () => {
    rx = await startReceiver();
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await rt.cleanup();
    rx.received.length = 0;
    rx.script.length = 0;
  });
  afterAll(async () => {
    await rx.close();
  });

  async function setup(ratePerMinute = 100, digest = false) {
    const watchlist = watchlistSchema.parse({
      channels: { hook: { type: 'webhook', url: `${rx.url}/hook`, ratePerMinute } },
      rules: [
        { name: 'kidd', query: 'KIDD', channels: ['hook'], ...(digest ? { digest: { everyMinutes: 60 } } : {}) },
        {
          name: 'security',
          query: '"an ninh" OR "quốc phòng"',
          channels: ['hook'],
          ...(digest ? { digest: { everyMinutes: 60 } } : {}),
        },
      ],
    });
    rt = await testRuntime({ sources: outlets, watchlist });
  }

  it('one alert per story and rule when five outlets carry it, on a re-crawl, and after a worker died mid-delivery', async () => {
    await setup();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await feedOutletArticle(rt, i, `kidd-${i}`, KIDD_PAGE));
    expect(outcomes.map((o) => o.outcome)).toEqual(['written', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const first = outcomes[0] as { alertJobIds: string[] };
    expect(first.alertJobIds.sort()).toEqual([
      `alert-${outcomes[0]!.storyId}-kidd-hook`,
      `alert-${outcomes[0]!.storyId}-security-hook`,
    ]);

    // Re-crawl of the written story: nothing new is queued.
    await rt.redis.set(rt.keys.raw(outcomes[0]!.storyId), gzipSync(KIDD_PAGE));
    expect((await feedOutletArticle(rt, 0, 'kidd-0', KIDD_PAGE)).outcome).toBe('already-written');
    expect(await rt.queues.alert.getJobCounts('waiting')).toEqual({ waiting: 2 });

    // A worker that delivered but died before completing the job: the job is still waiting.
    const job = (await rt.queues.alert.getJob(first.alertJobIds.find((id) => id.includes('-kidd-'))!))!;
    expect((await handleAlertJob(rt, job)).outcome).toBe('sent');
    worker = startAlertWorker(rt);
    await rx.waitFor(2);
    await until('both alert jobs done', async () => (await rt.queues.alert.getCompletedCount()) >= 2);
    await new Promise((r) => setTimeout(r, 200)); // and nothing more arrives
    expect(rx.received).toHaveLength(2);
    expect(rx.received.map((r) => (JSON.parse(r.body) as { rule: string }).rule).sort()).toEqual(['kidd', 'security']);
    expect((await rt.queues.alert.getJob(job.id!))!.returnvalue).toEqual({ outcome: 'already-sent', key: job.id });

    const body = JSON.parse(rx.received[0]!.body) as {
      other_outlets: { outlet: string }[];
      match: { sentence: string };
    };
    expect(body.other_outlets.map((o) => o.outlet)).toEqual(['Outlet 1', 'Outlet 2', 'Outlet 3', 'Outlet 4']);
    expect(body.match.sentence.length).toBeGreaterThan(10);
  });

  it('retries a failing receiver with backoff and delivers once', async () => {
    await setup();
    rx.script.push(500, 503);
    await feedOutletArticle(rt, 0, 'bolton', BOLTON_PAGE); // matches "security" only
    worker = startAlertWorker(rt);
    await rx.waitFor(1, 30_000);
    // The receiver answers before the worker records completion: wait for the job to finish.
    for (let i = 0; i < 100 && (await rt.queues.alert.getCompletedCount()) === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    const [id] = (await rt.queues.alert.getJobs(['completed'])).map((j) => j.id);
    const job = (await rt.queues.alert.getJob(id!))!;
    expect(job.attemptsMade).toBe(3);
    expect(rx.received).toHaveLength(1);
  }, 40_000);

  it('a permanent refusal lands in the failed list with its reason', async () => {
    await setup();
    rx.script.push(400);
    await feedOutletArticle(rt, 0, 'bolton', BOLTON_PAGE);
    worker = startAlertWorker(rt);
    for (let i = 0; i < 100 && (await rt.queues.alert.getFailedCount()) === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    const [failed] = await rt.queues.alert.getFailed();
    expect(failed!.failedReason).toMatch(/^HTTP 400: /);
    expect(failed!.attemptsMade).toBe(1);
  });

  it(
    'holds alerts over the channel rate limit back instead of sending or dropping them',
    { timeout: 30_000 },
    async () => {
      await setup(1);
      // Both alerts must fall in one rate window: do not start right before a minute boundary.
      const toBoundary = 60_000 - (Date.now() % 60_000);
      if (toBoundary < 8_000) await new Promise((r) => setTimeout(r, toBoundary + 100));
      await feedOutletArticle(rt, 0, 'kidd', KIDD_PAGE); // kidd + security
      worker = startAlertWorker(rt);
      await rx.waitFor(1);
      for (let i = 0; i < 100 && (await rt.queues.alert.getDelayedCount()) === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(rx.received).toHaveLength(1);
      const [delayed] = await rt.queues.alert.getDelayed();
      expect(delayed!.delay + delayed!.timestamp).toBeGreaterThan(Date.now());
    },
  );

  it('digests group the stories of a period into one message, and a repeated digest sends nothing', async () => {
    await setup(100, true);
    await feedOutletArticle(rt, 0, 'kidd', KIDD_PAGE);
    await feedOutletArticle(rt, 1, 'bolton', BOLTON_PAGE);
    await feedOutletArticle(rt, 2, 'chiefs', CHIEFS_PAGE);
    expect(await rt.queues.alert.count()).toBe(0); // digest rules queue no instant alerts
    const job = await rt.queues.alert.add(
      JOB.digest,
      { kind: 'digest', rule: 'security', channel: 'hook' },
      { jobId: 'digest-test-1' },
    );
    expect(await handleAlertJob(rt, job)).toMatchObject({ outcome: 'sent', stories: 3 });
    const body = JSON.parse(rx.received[0]!.body) as { type: string; count: number; items: { title: string }[] };
    expect(body).toMatchObject({ type: 'digest', count: 3 });
    // The same job again (a retry after a crash): already sent, no second message.
    expect(await handleAlertJob(rt, job)).toMatchObject({ outcome: 'already-sent' });
    const next = await rt.queues.alert.add(
      JOB.digest,
      { kind: 'digest', rule: 'security', channel: 'hook' },
      { jobId: 'digest-test-2' },
    );
    expect(await handleAlertJob(rt, next)).toMatchObject({ outcome: 'empty-digest' });
    expect(rx.received).toHaveLength(1);
  });
});
