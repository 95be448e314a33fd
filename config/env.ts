// Environment variables, parsed once and checked: a wrong value stops start-up naming the variable.
import { z } from 'zod';
import { ConfigError } from './load-sources.js';
import { PIPELINE } from './pipeline.js';
import { DEDUPE } from './dedupe.js';

const originMap = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.url(), z.url()));

const envSchema = z.object({
  REDIS_URL: z
    .url()
    .refine((u) => /^rediss?:\/\//i.test(u), 'a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379')
    .optional(),
  TINWATCH_OUT: z.string().min(1).default('out'),
  TINWATCH_DATA: z.string().min(1).default('data'),
  TINWATCH_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('tw'),
  TINWATCH_ORIGIN_MAP: originMap.optional(),
  /** Crawl jobs (sources crawled at once) per worker process. */
  TINWATCH_CRAWL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(PIPELINE.crawlConcurrency),
  /** Article jobs processed at once per worker process. */
  TINWATCH_ARTICLE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(PIPELINE.articleConcurrency),
  /**
   * Threads running article jobs beside the crawling event loop (0 = in the main thread).
   * Default: one per core beyond the first, 4 at most (workers/article-threads.ts).
   */
  TINWATCH_ARTICLE_THREADS: z.coerce.number().int().min(0).max(32).optional(),
  /** Worker lock duration and stalled-check interval (crash tests shorten them; keep defaults). */
  TINWATCH_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(PIPELINE.lockDurationMs),
  TINWATCH_STALLED_MS: z.coerce.number().int().min(500).max(600_000).default(PIPELINE.stalledIntervalMs),
  /** Overrides every source's politeness delay (local replay runs: tests, demo, benchmark). */
  TINWATCH_HOST_DELAY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  /** Dedupe index buckets per band = 2^bits (config/dedupe.ts); changing it needs `dedupe rebuild`. */
  TINWATCH_DEDUPE_BUCKET_BITS: z.coerce.number().int().min(8).max(20).default(DEDUPE.bucketBits),
  /** Days a story keeps absorbing copies (config/dedupe.ts). */
  TINWATCH_DEDUPE_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(DEDUPE.retentionDays),
  /** Per-request timeout for outlet pages, body included (config/pipeline.ts). */
  TINWATCH_REQUEST_TIMEOUT_SECS: z.coerce.number().int().min(1).max(300).default(PIPELINE.requestTimeoutSecs),
  /** Keep each written article's page as served in WARC files under out/warc/ (src/archive). */
  TINWATCH_WARC: z.enum(['on', 'off']).default('on'),
  /** A WARC file is closed (and a new one begun) past this size, in MB. */
  TINWATCH_WARC_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(1_000),
  /** A WARC file with no new capture for this long is closed, so archives can read it. */
  TINWATCH_WARC_IDLE_CLOSE_SECS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Days an article's text file is kept (0: for ever); its manifest line stays (src/archive/storage.ts). */
  TINWATCH_TEXT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  /** Days a closed WARC file is kept after its last capture (0: for ever). */
  TINWATCH_WARC_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const res = envSchema.safeParse(source);
  if (!res.success) {
    const msg = res.error.issues.map((i) => `environment ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(msg);
  }
  return res.data;
}
