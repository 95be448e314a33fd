// The crawl queue: scheduler ticks become jittered crawl jobs; crawl jobs run crawlSource; poll
// jobs read one feed each and come back when the poll policy says (feed-poller.ts).
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { crawlSource } from '../crawlers/crawl/crawl-source.js';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { formatFailureCounts } from '../crawlers/fetch-failure.js';
import { startWorker } from './start-worker.js';
import { crawlDepsOf } from './crawl-deps-of.js';
import { pollFeed, type PollResult } from './feed-poller.js';
import { ensurePollJobs } from './poll-jobs.js';
import { watchClockSteps } from './poll-clock-guard.js';
import { recordSourceOutcome } from './source-outcome.js';
import { addSourceCrawl, crawlJobSchema, JOB, QUEUE, tickJobSchema, type CrawlSummary } from '../base/queues.js';

export async function handleCrawlJob(
  rt: Runtime,
  job: Job,
  token?: string,
): Promise<CrawlSummary | { queuedCrawl: string } | PollResult> {
  if (job.name === JOB.poll) return pollFeed(rt, job, token);
  const log = rt.log.child({ queue: QUEUE.crawl, jobId: job.id, name: job.name });
  if (job.name === JOB.tick) {
    const { sourceId } = tickJobSchema.parse(job.data);
    const source = rt.sourceById(sourceId);
    // Jitter: start somewhere in the next jitterSeconds so sources sharing a cron do not align.
    const delay = Math.floor(Math.random() * source.schedule.jitterSeconds * 1000);
    const crawlJobId = await addSourceCrawl(rt.queues.crawl, sourceId, delay);
    // A poll chain whose worker died too often is back within one tick.
    const polls = await ensurePollJobs(rt, [source]);
    log.info(
      { sourceId, delayMs: delay, crawlJobId, ...(polls.added + polls.revived ? { polls } : {}) },
      'scheduled crawl queued',
    );
    return { queuedCrawl: crawlJobId };
  }
  const parsed = crawlJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad crawl job payload: ${parsed.error.message}`);
  const source = rt.sourceById(parsed.data.sourceId);
  try {
    // While feeds are polled on their own, a scheduled crawl reads the rest (listings, sitemaps,
    // searches); a run of `crawl --once` or a backfill reads everything.
    const polled = rt.env.TINWATCH_FEED_POLLING === 'adaptive' && !parsed.data.runId && !parsed.data.since;
    const summary = await crawlSource(crawlDepsOf(rt, log.child({ sourceId: source.id })), source, parsed.data.runId, {
      ...(parsed.data.since ? { since: parsed.data.since } : {}),
      ...(polled ? { feeds: 'none' as const } : {}),
    });
    for (const [status, n] of Object.entries(summary.statusCounts)) {
      await rt.stats.count({ name: 'pages_fetched', source: source.id, status }, n);
    }
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
      lastError: (err as Error).message,
      lastErrorAt: new Date().toISOString(),
    });
    throw err;
  }
}

export function startCrawlWorker(rt: Runtime, concurrency: number = rt.env.TINWATCH_CRAWL_CONCURRENCY): Worker {
  const worker = startWorker(rt, QUEUE.crawl, (job, token) => handleCrawlJob(rt, job, token), concurrency);
  // Polls are this worker's to run: a wall clock stepping back must not leave them waiting.
  const clock = watchClockSteps(rt, rt.log);
  worker.on('closing', () => clock.stop());
  return worker;
}
