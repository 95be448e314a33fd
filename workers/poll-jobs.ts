// Puts one poll job in place per configured feed (workers/feed-poller.ts), revives a chain that
// failed (its worker died more often than the queue allows) and removes the jobs of feeds that are
// no longer configured. Run at start-up, by the scheduler, and on every scheduled tick of a source,
// so a dead chain is back within one tick.
import type { Job } from 'bullmq';
import type { SourceConfig } from '../config/source-schema.js';
import { JOB, jobId, pollJobSchema } from '../base/queues.js';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { reclaimIfFar } from './poll-clock-guard.js';
import { configSeenAt, markPollRemoved, removedByNewerConfig } from './poll-tombstones.js';

/** Poll jobs go ahead of waiting crawls: a poll is short, and its latency is the point. */
export const POLL_PRIORITY = 1;

export interface PollJobsPlaced {
  added: number;
  revived: number;
  removed: number;
  /** Chains due further ahead than any plan (the wall clock stepped back), brought to now. */
  reclaimed?: number;
}

/** The poll job ids the sources' feeds need. */
export function wantedPollJobs(sources: readonly SourceConfig[]): Map<string, { sourceId: string; feed: string }> {
  const wanted = new Map<string, { sourceId: string; feed: string }>();
  for (const s of sources)
    for (const feed of s.discovery.feeds) wanted.set(jobId.poll(s.id, feed), { sourceId: s.id, feed });
  return wanted;
}

/**
 * Places the poll jobs of these sources' feeds. `firstDelayMs`: by source id, how long the first
 * poll of a new chain waits (start-up staggers them); a live chain keeps its own time.
 */
export async function ensurePollJobs(
  rt: Runtime,
  sources: readonly SourceConfig[] = rt.sources,
  firstDelayMs: ReadonlyMap<string, number> = new Map(),
): Promise<PollJobsPlaced> {
  const placed: PollJobsPlaced = { added: 0, revived: 0, removed: 0 };
  if (rt.env.TINWATCH_FEED_POLLING !== 'adaptive') return placed;
  await configSeenAt(rt); // this configuration's time, fixed at its first use
  for (const [id, data] of wantedPollJobs(sources)) {
    // Removed by a process on a newer configuration (a rolling deploy): not put back.
    if (await removedByNewerConfig(rt, id)) continue;
    const job = await rt.queues.crawl.getJob(id);
    const state = job ? await job.getState() : 'missing';
    if (state === 'failed') {
      await job!.retry('failed');
      placed.revived++;
      continue;
    }
    // A chain that ended (polling was off, or the feed was gone) keeps its id until removed.
    if (state === 'delayed' && (await reclaimIfFar(rt, job!))) placed.reclaimed = (placed.reclaimed ?? 0) + 1;
    if (state === 'completed' || state === 'unknown') await job?.remove();
    else if (state !== 'missing') continue;
    const delay = firstDelayMs.get(data.sourceId) ?? 0;
    await rt.queues.crawl.add(JOB.poll, data, {
      jobId: id,
      priority: POLL_PRIORITY,
      ...(delay > 0 ? { delay } : {}),
    });
    placed.added++;
  }
  return placed;
}

/** Removes waiting poll jobs of feeds not in `sources` (or every one while polling is off). */
export async function removeStalePollJobs(rt: Runtime, sources: readonly SourceConfig[] = rt.sources): Promise<number> {
  const wanted = rt.env.TINWATCH_FEED_POLLING === 'adaptive' ? wantedPollJobs(sources) : new Map();
  const jobs: Job[] = await rt.queues.crawl.getJobs(['delayed', 'waiting', 'prioritized']);
  let removed = 0;
  for (const job of jobs) {
    if (job.name !== JOB.poll || !job.id || wanted.has(job.id) || !pollJobSchema.safeParse(job.data).success) continue;
    await markPollRemoved(rt, job.id);
    await job.remove().catch(() => undefined);
    removed++;
  }
  return removed;
}

/** Brings the source's waiting feed polls forward to now ("crawl now"); returns how many. */
export async function pollFeedsNow(rt: Runtime, source: SourceConfig): Promise<number> {
  if (rt.env.TINWATCH_FEED_POLLING !== 'adaptive') return 0;
  await ensurePollJobs(rt, [source]);
  let promoted = 0;
  for (const id of wantedPollJobs([source]).keys()) {
    const job = await rt.queues.crawl.getJob(id);
    if (job && (await job.getState()) === 'delayed') {
      await job.promote().catch(() => undefined);
      promoted++;
    }
  }
  return promoted;
}
