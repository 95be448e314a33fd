// A feed poll: one job per feed, for good. Each run takes its host's feed turn (or comes back when
// the turn is free), reads the feed with conditional GET through the same crawl as everything else
// (new articles fetched once, parked, queued), records the items' publication times, and puts
// itself back in the delayed set until the poll policy's next time. The job never completes, so
// its fixed id (jobId.poll) means one poll chain per feed whatever the number of processes; a
// chain that died with its worker is revived by poll-jobs.ts.
import { DelayedError, type Job } from 'bullmq';
import { crawlSource } from '../crawlers/crawl/crawl-source.js';
import { FeedTurns } from '../crawlers/poll/feed-turns.js';
import { nextPoll, type PollPlan } from '../crawlers/poll/poll-policy.js';
import { PublishHistory } from '../crawlers/poll/publish-history.js';
import type { CrawlSummary } from '../base/queues.js';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { crawlDepsOf } from './crawl-deps-of.js';
import { removedByNewerConfig } from './poll-tombstones.js';
import { recordSourceOutcome } from './source-outcome.js';
import type { JobContext, JobHandler } from './job-worker.js';
import { countPagesFetched } from './pages-fetched.js';

/** What a poll job returns when it ends its chain (it otherwise goes back to the delayed set). */
export interface PollResult {
  ended: string;
}

/** Why this feed is no longer polled, or null while it is. */
function endReason(rt: Runtime, sourceId: string, feed: string): string | null {
  if (rt.env.TINWATCH_FEED_POLLING !== 'adaptive') return 'feed polling is off (TINWATCH_FEED_POLLING)';
  const source = rt.sources.find((s) => s.id === sourceId);
  if (!source) return `source ${sourceId} is no longer configured`;
  if (!source.discovery.feeds.includes(feed)) return `the feed is no longer in ${sourceId}'s configuration`;
  return null;
}

async function comeBackIn(job: Job, token: string | undefined, realMs: number): Promise<never> {
  await job.moveToDelayed(Date.now() + realMs, token);
  throw new DelayedError();
}

export const pollFeedJob: JobHandler<'poll', PollResult> = {
  logFields: (data) => ({ sourceId: data.sourceId, feed: data.feed }),
  run: (rt, ctx) => pollFeed(rt, ctx),
};

async function pollFeed(rt: Runtime, { job, token, data, log, timings }: JobContext<'poll'>): Promise<PollResult> {
  const { sourceId, feed } = data;
  const ended =
    endReason(rt, sourceId, feed) ??
    ((await removedByNewerConfig(rt, job.id ?? '')) ? 'the feed was removed by a newer configuration' : null);
  if (ended) {
    await new FeedTurns(rt.redis, rt.keys, 1, 0).forget(new URL(feed).hostname, feed);
    log.info({ reason: ended }, 'feed no longer polled');
    return { ended };
  }
  const source = rt.sourceById(sourceId);
  const clock = rt.polling.clock;
  // The turn is taken here, with the crawl's own FeedTurns: its feed request sends on this turn
  // rather than marking it again (crawlers/poll/feed-turns.ts). Set while feeds are polled.
  const deps = crawlDepsOf(rt, log, timings);
  const host = new URL(feed).hostname;
  const wait = (await deps.feedTurns?.take(host, feed)) ?? 0;
  if (wait > 0) return comeBackIn(job, token, wait);

  const history = new PublishHistory(rt.redis, rt.keys);
  const polledAt = new Date().toISOString();
  let result: { summary: CrawlSummary } | { error: unknown };
  try {
    const summary = await crawlSource(
      { ...deps, onFeedLinks: (url, links) => history.record(url, links, clock.now()) },
      source,
      undefined,
      { feeds: { only: feed } },
    );
    result = { summary };
    await countPagesFetched(rt.stats, summary);
    if (summary.new > 0) log.info({ new: summary.new, fetched: summary.fetched }, 'feed poll found new articles');
  } catch (err) {
    // The chain goes on: the next poll is planned as usual, the breaker pauses a failing host.
    // The terminal hears of it once per cause (source-outcome.ts), not once per poll.
    log.debug({ err: (err as Error).message }, 'feed poll failed');
    result = { error: err };
  }
  const pausedUntil = 'summary' in result ? result.summary.pausedUntil : null;
  const plan = planNext(rt, await history.times(feed, clock.now()));
  let realDelay = clock.realMs(plan.delayMs);
  if (pausedUntil) realDelay = Math.max(realDelay, Date.parse(pausedUntil) - Date.now());
  const nextPollAt = new Date(Date.now() + realDelay).toISOString();
  await deps.feedTurns?.planned(host, feed, Date.now() + realDelay);
  const failure = await recordSourceOutcome(rt, source, result, nextPollAt);
  await rt.stats.setHealth(source.id, {
    lastPollAt: polledAt,
    nextPollAt,
    lastPollFailed: failure ? '1' : '',
    ...(failure ? { lastError: failure.reason, lastErrorAt: polledAt } : {}),
  });
  log.debug({ nextPollMs: realDelay, itemsPerHour: plan.itemsPerHour, basis: plan.basis }, 'next feed poll planned');
  return comeBackIn(job, token, realDelay);
}

function planNext(rt: Runtime, times: number[]): PollPlan {
  return nextPoll(times, rt.polling.clock.now(), rt.polling.limits);
}
