// Pipeline thresholds in one place. Each value says why it is what it is.
export const PIPELINE = {
  /**
   * Article jobs in flight per article worker (per thread). The work is CPU-bound, but each job
   * also waits on a few Redis round trips; with more jobs in flight the thread computes while
   * others wait and reads several replies per wake-up. 24 was measured against 12 and 4, each job
   * holding one parsed page (figures: BENCHMARKS.md, "Figures behind design choices").
   */
  articleConcurrency: 24,
  /** Crawl jobs per process: each runs its own crawlee crawler with its own request pool. */
  crawlConcurrency: 2,
  /** Attempts for a job before it lands in the failed list; backoff doubles from 2 s. */
  attempts: 4,
  backoffMs: 2_000,
  /** The same everywhere (ARCHITECTURE.md, house habits): a worker that stops renewing its lock this long is stalled. */
  stalledIntervalMs: 30_000,
  lockDurationMs: 60_000,
  /**
   * A job whose worker died this many times is failed (BullMQ's default is 1): a few deaths are
   * crashes or deploys, many mean the job itself kills workers. Crawl jobs are idempotent (seen
   * set, deterministic job ids) and long, so they may be resumed more often.
   */
  maxStalledCount: { crawl: 25, article: 5, alert: 5 },
  /** Raw pages wait in Redis (gzip) between fetch and extraction; a day covers any backlog. */
  rawPageTtlSeconds: 24 * 3600,
  /**
   * An article job's outcome is kept this long after its last write, so an attempt that repeats
   * it (the worker was killed before the job completed) reports what the first one did.
   */
  articleOutcomeTtlSeconds: 7 * 24 * 3600,
  /**
   * Selector rot: a source whose title or body fell back to the generic reading on more than
   * this share of its articles in a day (Vietnam time), over at least minArticles, is flagged on
   * the dashboard and in /metrics. Per-day counts are kept keepDays.
   */
  selectorRot: { maxFallbackShare: 0.3, minArticles: 5, keepDays: 8 },
  /** Pages above this are refused instead of parsed. */
  maxPageBytes: 5 * 1024 * 1024,
  /** Per-request timeout for outlet pages. */
  requestTimeoutSecs: 30,
  /** Completed jobs kept for the dashboard and `crawl --once` bookkeeping. */
  keepCompleted: { age: 7 * 24 * 3600, count: 5_000 },
  keepFailed: { age: 30 * 24 * 3600 },
  /**
   * V8 old-space budget per isolate (main thread and each article thread), MB. Left alone, V8
   * sizes it from the machine's memory and collects lazily: the pipeline benchmark peaks at about
   * twice the RSS that way, at the same throughput within run-to-run noise (BENCHMARKS.md, both
   * runs in every report). The Dockerfile (NODE_OPTIONS) and `npm start` pass it; a
   * test keeps them in step with this value.
   */
  heapBudgetMb: 384,
} as const;
