// The crawl queue: scheduler ticks become jittered crawl jobs; crawl jobs run crawlSource; poll
// jobs read one feed each and come back when the poll policy says (feed-poller.ts).
import type { Job, Worker } from 'bullmq';
import { crawlSource } from '../crawlers/crawl/crawl-source.js';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { DiscoveryFailedError } from '../crawlers/errors.js';
import { formatFailureCounts } from '../crawlers/fetch-failure.js';
import { crawlDepsOf } from './crawl-deps-of.js';
import { pollFeedJob, type PollResult } from './feed-poller.js';
import { runJob, startJobWorker, type JobHandler, type QueueHandlers } from './job-worker.js';
import { countPagesFetched } from './pages-fetched.js';
import { ensurePollJobs } from './poll-jobs.js';
import { watchClockSteps } from './poll-clock-guard.js';
import { recordSourceOutcome } from './source-outcome.js';
import { addSourceCrawl } from '../base/job-table.js';
import { QUEUE, type CrawlSummary } from '../base/queues.js';
import type { StageTimings } from '../src/stats/stage-timings.js';

const tick: JobHandler<'tick', { queuedCrawl: string }> = {
  logFields: (_data, job) => ({ name: job.name }),
  async run(rt, { data, log }) {
    const source = rt.sourceById(data.sourceId);
    // Jitter: start somewhere in the next jitterSeconds so sources sharing a cron do not align.
    const delay = Math.floor(Math.random() * source.schedule.jitterSeconds * 1000);
    const crawlJobId = await addSourceCrawl(rt.queues.crawl, source.id, delay);
    // A poll chain whose worker died too often is back within one tick.
    const polls = await ensurePollJobs(rt, [source]);
    log.info(
      { sourceId: source.id, delayMs: delay, crawlJobId, ...(polls.added + polls.revived ? { polls } : {}) },
      'scheduled crawl queued',
    );
    return { queuedCrawl: crawlJobId };
  },
};

const crawl: JobHandler<'crawl', CrawlSummary> = {
  logFields: (_data, job) => ({ name: job.name }),
  async run(rt, { data, log, timings }) {
    const source = rt.sourceById(data.sourceId);
    try {
      // While feeds are polled on their own, a scheduled crawl reads the rest (listings, sitemaps,
      // searches); a run of `crawl --once` or a backfill reads everything.
      const polled = rt.env.TINWATCH_FEED_POLLING === 'adaptive' && !data.runId && !data.since;
      const summary = await crawlSource(
        crawlDepsOf(rt, log.child({ sourceId: source.id }), timings),
        source,
        data.runId,
        {
          ...(data.since ? { since: data.since } : {}),
          ...(polled ? { feeds: 'none' as const } : {}),
        },
      );
      await countPagesFetched(rt.stats, summary);
      // A crawl with nothing to read (feeds polled on their own) leaves the health as the polls set it.
      if (summary.discoveryPlanned === 0) {
        await rt.stats.setHealth(source.id, { lastCrawlAt: new Date().toISOString() });
        return summary;
      }
      await recordSourceOutcome(rt, source, { summary });
      await rt.stats.setHealth(source.id, {
        lastCrawlAt: new Date().toISOString(),
        lastDiscovered: String(summary.discovered),
        lastNew: String(summary.new),
        lastFetched: String(summary.fetched),
        lastFetchFailed: String(summary.fetchFailed),
        lastFailures: formatFailureCounts(summary.failures),
        // A clean crawl clears the last error: the dashboard shows what is wrong now.
        lastError: summary.lastError ?? '',
        ...(summary.lastError ? { lastErrorAt: new Date().toISOString() } : {}),
      });
      return summary;
    } catch (err) {
      await recordSourceOutcome(rt, source, { error: err });
      await rt.stats.setHealth(source.id, {
        lastCrawlAt: new Date().toISOString(),
        // A crawl whose every discovery fetch failed: its failures by cause, not the last good crawl's.
        ...(err instanceof DiscoveryFailedError ? { lastFailures: formatFailureCounts(err.failures) } : {}),
        lastError: (err as Error).message,
        lastErrorAt: new Date().toISOString(),
      });
      throw err;
    }
  },
};

export const CRAWL_JOBS: QueueHandlers<typeof QUEUE.crawl> = { tick, crawl, poll: pollFeedJob };

export async function handleCrawlJob(
  rt: Runtime,
  job: Job,
  token?: string,
): Promise<CrawlSummary | { queuedCrawl: string } | PollResult> {
  return (await runJob(rt, QUEUE.crawl, CRAWL_JOBS, job, token)) as CrawlSummary | { queuedCrawl: string } | PollResult;
}

export function startCrawlWorker(
  rt: Runtime,
  concurrency: number = rt.env.TINWATCH_CRAWL_CONCURRENCY,
  timings?: StageTimings,
): Worker {
  const worker = startJobWorker(rt, QUEUE.crawl, CRAWL_JOBS, concurrency, timings);
  // Polls are this worker's to run: a wall clock stepping back must not leave them waiting.
  const clock = watchClockSteps(rt, rt.log);
  worker.on('closing', () => clock.stop());
  return worker;
}
