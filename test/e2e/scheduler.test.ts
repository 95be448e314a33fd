// Job schedulers per source, ticks turning into jittered crawl jobs, and at most one scheduled
// crawl per source waiting at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from 'bullmq';
import { handleCrawlJob } from '../../workers/crawl-worker.js';
import { syncSchedulers } from '../../workers/scheduler.js';
import { JOB } from '../../base/queues.js';
import { testRuntime } from '../helpers/test-runtime.js';

describe('scheduler', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    rt = await testRuntime();
  });
  afterAll(async () => {
    await rt.cleanup();
  });

  it('installs one cron scheduler per source and removes schedulers of deleted sources', async () => {
    await rt.queues.crawl.upsertJobScheduler(
      'sched-removed-outlet',
      { pattern: '0 * * * *' },
      { name: JOB.tick, data: { sourceId: 'removed-outlet' } },
    );
    const ids = await syncSchedulers(rt);
    expect(ids.sort()).toEqual(rt.sources.map((s) => `sched-${s.id}`).sort());
    const installed = await rt.queues.crawl.getJobSchedulers();
    const byKey = Object.fromEntries(installed.map((s) => [s.key, s]));
    expect(Object.keys(byKey).sort()).toEqual(ids.sort());
    expect(byKey['sched-vnexpress']!.pattern).toBe('*/15 * * * *');
    expect(byKey['sched-vnexpress']!.tz).toBe('Asia/Ho_Chi_Minh');
    // upsert is idempotent: a second sync (another scheduler process) adds nothing.
    await syncSchedulers(rt);
    expect(await rt.queues.crawl.getJobSchedulers()).toHaveLength(ids.length);
  });

  it('a tick queues one delayed crawl within the jitter, deduplicated per source', async () => {
    const tick = await rt.queues.crawl.add(JOB.tick, { sourceId: 'kbs-vietnamese' });
    const r1 = (await handleCrawlJob(rt, tick)) as { queuedCrawl: string };
    const r2 = (await handleCrawlJob(rt, tick)) as { queuedCrawl: string };
    expect(r2.queuedCrawl).toBe(r1.queuedCrawl);
    const crawl = (await Job.fromId(rt.queues.crawl, r1.queuedCrawl))!;
    expect(crawl.name).toBe(JOB.crawl);
    expect(crawl.data).toEqual({ sourceId: 'kbs-vietnamese' });
    expect(crawl.opts.delay).toBeGreaterThanOrEqual(0);
    expect(crawl.opts.delay).toBeLessThanOrEqual(180_000);
    expect(await crawl.getState()).toBe('delayed');
  });

  it('installs digest schedulers: every N minutes, or daily at HH:MM Vietnam time', async () => {
    await syncSchedulers(rt);
    const digests = Object.fromEntries((await rt.queues.alert.getJobSchedulers()).map((s) => [s.key, s]));
    expect(Object.keys(digests).sort()).toEqual(['digest-daily-overview-log', 'digest-joint-drills-log']);
    expect(digests['digest-joint-drills-log']!.every).toBe(3_600_000);
    expect(digests['digest-daily-overview-log']!.pattern).toBe('30 7 * * *');
    expect(digests['digest-daily-overview-log']!.tz).toBe('Asia/Ho_Chi_Minh');
    expect(digests['digest-joint-drills-log']!.template?.data).toEqual({
      kind: 'digest',
      rule: 'joint-drills',
      channel: 'log',
    });
  });
});
