// The two measured runs of the pipeline benchmark, each in its own child process: a bare crawlee
// CheerioCrawler that only fetches the pages, and tinwatch end to end (`crawl --once`).
import { CheerioCrawler } from 'crawlee';
import { pino } from 'pino';
import { loadWatchlist } from '../../../config/load-watchlist.js';
import { freshCrawleeConfig } from '../../../crawlers/crawlee-setup.js';
import { crawlOnce } from '../../../workers/run-once/crawl-once.js';
import { benchHost, benchSources, OUTLETS } from '../../../app/replay/synthetic-site.js';
import { createRuntime } from '../../../pipeline/runtime/runtime.js';
import { StageClock } from '../../../src/stats/stage-timings.js';
import { createOriginMap } from '../../../base/url/origin-map.js';
import { sampleThreadCpu, type ThreadCpu } from '../thread-cpu.js';

/**
 * Concurrent requests at most: 2 per outlet host (the politeness default) × 12 outlets, for both
 * runs. tinwatch runs one crawler per outlet, each at its 2; the bare crawler's autoscaled pool
 * starts at crawlee's desired concurrency of 10 and does not need to grow in a run this short
 * (BENCHMARKS.md has the run at 24 from the start, which was no faster).
 */
export const CONCURRENCY = 2 * OUTLETS;
/** Article pages in the synthetic site (BENCH_PAGES). */
export const PAGES = Number(process.env.BENCH_PAGES ?? 5_000);

export interface RunResult {
  pages: number;
  seconds: number;
  peakRssMb: number;
  /** CPU seconds (user + system) of the run's process, all its threads. */
  cpuSecs?: number;
  stages?: Record<string, { ms: number; n: number }>;
  /** CPU seconds by thread (Linux): the crawling thread, V8's helpers, threads the run started. */
  threads?: ThreadCpu | undefined;
  totals?: Record<string, number>;
}

export function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop: () => {
      clearInterval(t);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
    },
  };
}

export function originMap(replayUrl: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (let i = 0; i < OUTLETS; i++) map[`https://${benchHost(i)}`] = `${replayUrl}/${benchHost(i)}`;
  return map;
}

export async function runBare(replayUrl: string, urls: string[]): Promise<RunResult> {
  const map = createOriginMap(originMap(replayUrl));
  let pages = 0;
  const rss = sampleRss();
  const threads = sampleThreadCpu();
  const started = performance.now();
  const crawler = new CheerioCrawler(
    { maxConcurrency: CONCURRENCY, maxRequestRetries: 0, requestHandler: async () => void pages++ },
    await freshCrawleeConfig(),
  );
  await crawler.run(urls.map((u) => map.toFetchUrl(u)));
  const seconds = (performance.now() - started) / 1000;
  return { pages, seconds, peakRssMb: rss.stop(), threads: threads.stop() };
}

export async function runPipeline(replayUrl: string, redisUrl: string, out: string): Promise<RunResult> {
  const rt = await createRuntime({
    env: {
      REDIS_URL: redisUrl,
      TINWATCH_PREFIX: 'bench',
      TINWATCH_OUT: out,
      TINWATCH_CRAWL_CONCURRENCY: OUTLETS,
      TINWATCH_HOST_DELAY_MS: 0,
    },
    log: pino({ level: 'silent' }),
    sources: benchSources(),
    originMap: originMap(replayUrl),
    // The bundled rules, delivered to the log without a rate limit: the benchmark measures the
    // pipeline, not a channel's politeness limit (which would hold alerts back by design).
    watchlist: { ...loadWatchlist(), channels: { log: { type: 'log', ratePerMinute: 10_000 } } },
  });
  const clock = new StageClock();
  const rss = sampleRss();
  const threads = sampleThreadCpu();
  const started = performance.now();
  const summary = await crawlOnce(rt, {
    sources: rt.sources,
    pollMs: 100,
    // Up to matching, as the issue defines the pipeline: alert jobs are queued, their delivery
    // (network I/O to channels) is not part of the measured run.
    localQueues: ['crawl', 'article'],
    skipAlertWait: true,
    timings: clock,
  });
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = rss.stop();
  const threadCpu = threads.stop();
  await rt.close();
  const t = summary.totals;
  return {
    pages: t.written + t.duplicate + t.offTopic + t.failed,
    seconds,
    peakRssMb,
    stages: Object.fromEntries(clock.totals),
    totals: { ...t },
    threads: threadCpu,
  };
}
