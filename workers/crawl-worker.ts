// The crawl queue: scheduler ticks become jittered crawl jobs; crawl jobs run crawlSource.
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { crawlSource } from '../crawlers/crawl/crawl-source.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { formatFailureCounts } from '../crawlers/fetch-failure.js';
import { startWorker } from './start-worker.js';
import { addSourceCrawl, crawlJobSchema, JOB, QUEUE, tickJobSchema, type CrawlSummary } from '../src/queues.js';

export async function handleCrawlJob(rt: Runtime, job: Job): Promise<CrawlSummary | { queuedCrawl: string }> {
  const log = rt.log.child({ queue: QUEUE.crawl, jobId: job.id, name: job.name });
  if (job.name === JOB.tick) {
    const { sourceId } = tickJobSchema.parse(job.data);
    const source = rt.sourceById(sourceId);
    // Jitter: start somewhere in the next jitterSeconds so sources sharing a cron do not align.
    const delay = Math.floor(Math.random() * source.schedule.jitterSeconds * 1000);
    const crawlJobId = await addSourceCrawl(rt.queues.crawl, sourceId, delay);
    log.info({ sourceId, delayMs: delay, crawlJobId }, 'scheduled crawl queued');
    return { queuedCrawl: crawlJobId };
  }
  const parsed = crawlJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad crawl job payload: ${parsed.error.message}`);
  const source = rt.sourceById(parsed.data.sourceId);
  try {
    const summary = await crawlSource(
      {
        redis: rt.redis,
        keys: rt.keys,
        originMap: rt.originMap,
        articleQueue: rt.queues.article,
        log: log.child({ sourceId: source.id }),
        ...(rt.timings ? { timings: rt.timings } : {}),
        ...(rt.env.TINWATCH_HOST_DELAY_MS !== undefined ? { hostDelayMs: rt.env.TINWATCH_HOST_DELAY_MS } : {}),
        requestTimeoutSecs: rt.env.TINWATCH_REQUEST_TIMEOUT_SECS,
        captureWarc: rt.env.TINWATCH_WARC === 'on',
      },
      source,
      parsed.data.runId,
      parsed.data.since ? { since: parsed.data.since } : {},
    );
    for (const [status, n] of Object.entries(summary.statusCounts)) {
      await rt.stats.count({ name: 'pages_fetched', source: source.id, status }, n);
    }
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
    await rt.stats.setHealth(source.id, {
      lastCrawlAt: new Date().toISOString(),
      lastError: (err as Error).message,
      lastErrorAt: new Date().toISOString(),
    });
    throw err;
  }
}

export function startCrawlWorker(rt: Runtime, concurrency: number = rt.env.TINWATCH_CRAWL_CONCURRENCY): Worker {
  return startWorker(rt, QUEUE.crawl, (job) => handleCrawlJob(rt, job), concurrency);
}
