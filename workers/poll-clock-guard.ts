// Feed polls against a wall clock that steps back. BullMQ files a delayed job under the wall-clock
// time it is due and promotes it when a worker's Date.now() passes that time: after the clock
// steps back 30 min, a poll due in one minute waits 31, and a feed publishing every second goes
// unread for half an hour. Two things put it right, neither trusting the wall clock's history:
//  - no poll is ever due further ahead than the longest poll interval allows (plus the host's feed
//    spacing and in-flight time): a chain found past that is brought forward (reclaimFarPolls,
//    run on every scheduled tick through ensurePollJobs, and by the watch below);
//  - each worker process reads the wall clock against the monotonic one every few seconds, and a
//    step back of more than CLOCK_STEP_MS reclaims at once, with one log line.
// A poll held back by a paused host (its breaker) may be brought forward too: it then finds the
// host paused and goes back to wait, one cheap run.
import type { Job } from 'bullmq';
import { isJob } from '../base/job-table.js';
import type { Redis } from 'ioredis';
import type { FeedPolling } from '../pipeline/runtime/poll-clock.js';
import type { Queues } from '../base/queues.js';
import type { Logger } from '../base/logger.js';

/** What the guard reads: the crawl queue's delayed set and how polls are planned. */
export interface ClockGuardDeps {
  redis: Redis;
  queues: Pick<Queues, 'crawl'>;
  polling: FeedPolling;
}

export const CLOCK_STEP_MS = 10_000;
const WATCH_EVERY_MS = 5_000;
/** Slack past the longest interval: the host's feed turn and a request in flight. */
const SLACK_MS = 5 * 60_000;

/** The furthest ahead a poll may legitimately be due, in real milliseconds. */
export function maxPollAheadMs(rt: ClockGuardDeps): number {
  return rt.polling.clock.realMs(rt.polling.limits.maxIntervalMs) + SLACK_MS;
}

/** When a delayed job is due (wall-clock ms), from the delayed set's score. */
async function dueAt(rt: ClockGuardDeps, job: Job): Promise<number | null> {
  const score = await rt.redis.zscore(rt.queues.crawl.keys.delayed!, job.id!);
  return score === null ? null : Math.floor(Number(score) / 0x1000);
}

/** Whether this delayed poll job is due further ahead than any plan puts it; if so, brings it to now. */
export async function reclaimIfFar(rt: ClockGuardDeps, job: Job): Promise<boolean> {
  const due = await dueAt(rt, job);
  if (due === null || due - Date.now() <= maxPollAheadMs(rt)) return false;
  await job.promote().catch(() => undefined);
  return true;
}

/** Brings every delayed poll job due impossibly far ahead to now; returns how many. */
export async function reclaimFarPolls(rt: ClockGuardDeps): Promise<number> {
  let n = 0;
  for (const job of await rt.queues.crawl.getJobs(['delayed']))
    if (isJob('poll', job) && job.id && (await reclaimIfFar(rt, job))) n++;
  return n;
}

/**
 * Watches for the wall clock stepping back against the monotonic clock; returns the stop function.
 * `read` is the pair of clocks (tests step the wall one).
 */
export function watchClockSteps(
  rt: ClockGuardDeps,
  log: Logger,
  read: () => { wall: number; mono: number } = () => ({ wall: Date.now(), mono: performance.now() }),
  everyMs = WATCH_EVERY_MS,
): { check(): Promise<number>; stop(): void } {
  let last = read();
  const check = async (): Promise<number> => {
    const now = read();
    const step = now.mono - last.mono - (now.wall - last.wall); // > 0: the wall clock went back
    last = now;
    if (step <= CLOCK_STEP_MS) return 0;
    const n = await reclaimFarPolls(rt);
    log.warn(
      { steppedBackMs: Math.round(step), pollsBroughtForward: n },
      'wall clock stepped back: feed polls rescheduled',
    );
    return n;
  };
  const timer = setInterval(() => void check().catch(() => undefined), everyMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
