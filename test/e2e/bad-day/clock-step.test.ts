// Bad day: the wall clock steps back 30 min (issue 32, finding 7). BullMQ files a delayed poll
// under the wall-clock time it is due, so after the step a poll due in a minute waited 31: 0 polls
// in 240 s for a feed publishing every second. Now a poll chain is never due further ahead than
// the longest poll interval allows: a scheduled tick (ensurePollJobs) brings such a chain to now,
// and each crawl worker watches the wall clock against the monotonic one and does the same at
// once when it steps back. A chain legitimately due in a few minutes is left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ensurePollJobs, POLL_PRIORITY, wantedPollJobs } from '../../../workers/poll-jobs.js';
import { JOB } from '../../../base/queues.js';
import { maxPollAheadMs, watchClockSteps } from '../../../workers/poll-clock-guard.js';
import { testRuntime } from '../../helpers/test-runtime.js';
import { testSource } from '../../helpers/test-source.js';

const MIN = 60_000;

describe('bad day: the wall clock steps back 30 minutes', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let id: string;
  beforeAll(async () => {
    rt = await testRuntime({ sources: [testSource('clock.test')], env: { TINWATCH_FEED_POLLING: 'adaptive' } });
    await ensurePollJobs(rt);
    id = [...wantedPollJobs(rt.sources).keys()][0]!;
  });
  afterAll(async () => rt?.cleanup());

  /** The poll chain as a worker leaves it: delayed `ms` from the wall clock's now. */
  const delayPoll = async (ms: number): Promise<void> => {
    const job = (await rt.queues.crawl.getJob(id))!;
    await job.remove();
    await rt.queues.crawl.add(JOB.poll, job.data, { jobId: id, priority: POLL_PRIORITY, delay: ms });
    expect(await state()).toBe('delayed');
  };
  const state = async (): Promise<string> => (await rt.queues.crawl.getJob(id))!.getState();

  it('a poll due in 1 min, seen after the step as due in 31, is brought to now by the next tick', async () => {
    expect(maxPollAheadMs(rt)).toBeLessThan(31 * MIN);
    await delayPoll(31 * MIN);
    const placed = await ensurePollJobs(rt);
    expect(placed.reclaimed).toBe(1);
    expect(await state()).not.toBe('delayed');
  });

  it('a worker notices the step on its monotonic clock and brings the poll forward at once', async () => {
    await delayPoll(31 * MIN);
    let wall = Date.now();
    let mono = 0;
    const watch = watchClockSteps(rt, pino({ level: 'silent' }), () => ({ wall, mono }), 3_600_000);
    try {
      wall += 5_000; // 5 s pass on both clocks: nothing happens
      mono += 5_000;
      expect(await watch.check()).toBe(0);
      wall -= 30 * MIN - 5_000; // 5 s pass, and the wall clock is set back 30 min
      mono += 5_000;
      expect(await watch.check()).toBe(1);
      expect(await state()).not.toBe('delayed');
    } finally {
      watch.stop();
    }
  });

  it('a poll planned a few minutes ahead keeps its time', async () => {
    await delayPoll(5 * MIN);
    expect((await ensurePollJobs(rt)).reclaimed ?? 0).toBe(0);
    expect(await state()).toBe('delayed');
  });
});
