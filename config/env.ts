// Every setting tinwatch reads, in one table, with one precedence rule:
//   command-line flag > environment variable > settings file (tinwatch.json) > default.
// A wrong value stops start-up naming the variable (and the file and line when it came from one).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { PIPELINE } from './pipeline.js';
import { DEDUPE } from './dedupe.js';
import { FEED_POLL } from './feed-polling.js';

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
  /**
   * adaptive: each feed is polled on its own, every 1 to TINWATCH_FEED_POLL_MAX_MINUTES minutes by
   * how often it publishes, and the scheduled crawls read listings, sitemaps and searches only.
   * off: feeds are read by the scheduled crawls alone (crawlers/poll/).
   */
  TINWATCH_FEED_POLLING: z.enum(['adaptive', 'off']).default('adaptive'),
  /** The slowest a feed is polled (at night, on a quiet feed). */
  TINWATCH_FEED_POLL_MAX_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(FEED_POLL.maxIntervalMs / 60_000),
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
  /** json, or pretty (one coloured line per event); unset: pretty on a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** The dashboard's bearer token; required when it binds beyond loopback. */
  TINWATCH_DASHBOARD_TOKEN: z.string().min(1).optional(),
  /** Host names the dashboard answers to besides its bound address, comma-separated. */
  TINWATCH_DASHBOARD_HOSTS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    )
    .optional(),
  /** The Chromium the browser fetcher drives (Debian's by default). */
  TINWATCH_CHROMIUM: z.string().min(1).default('/usr/bin/chromium'),
  /** The watch rules and channels (YAML or JSON; default config/watchlist.yaml in the checkout). */
  TINWATCH_WATCHLIST: z.string().min(1).optional(),
  /** The most watch rules a watchlist may hold: past it the file is refused, naming the count. */
  TINWATCH_MAX_RULES: z.coerce.number().int().min(1).max(100_000).default(5_000),
  /** The settings file (default ./tinwatch.json when it exists). */
  TINWATCH_SETTINGS: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;
export type SettingName = keyof Env;

/** Every setting's name, for the settings table in docs/configuration.md and the settings file's check. */
export const SETTING_NAMES = Object.keys(envSchema.shape) as SettingName[];

let flagSettings: Partial<Record<SettingName, string>> = {};

/** The command line's settings (--out, --redis-url, …): they win over everything else. */
export function setFlagSettings(flags: Partial<Record<SettingName, string | undefined>>): void {
  flagSettings = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) as typeof flagSettings;
}

interface SettingsFile {
  /** The values as strings, like the environment's. */
  values: Record<string, string>;
  /** Where each value was written: "file:line". */
  at: Record<string, string>;
}

/** The settings file's values; none when there is no file. */
export function readSettingsFile(file: string | undefined): SettingsFile {
  const target = file ?? (existsSync('tinwatch.json') ? 'tinwatch.json' : undefined);
  if (!target) return { values: {}, at: {} };
  const where = path.resolve(target);
  let text: string;
  try {
    text = readFileSync(where, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `${where}: cannot read the settings file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    throw new ConfigError(`${where}:${line}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ConfigError(`${where}:1: the settings file is one JSON object of "NAME": value`);
  const out: Record<string, string> = {};
  const at: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    const line = lineOf(text, `"${k}"`);
    at[k] = `${where}:${line}`;
    if (!SETTING_NAMES.includes(k as SettingName))
      throw new ConfigError(`${where}:${line}: ${k}: not a tinwatch setting (known: ${SETTING_NAMES.join(', ')})`);
    if (k === 'TINWATCH_ORIGIN_MAP' && typeof v === 'object' && v !== null) out[k] = JSON.stringify(v);
    else if (v === null || typeof v === 'object')
      throw new ConfigError(`${where}:${line}: ${k}: a string, number or boolean`);
    else out[k] = String(v);
  }
  return { values: out, at };
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

/**
 * The settings: flags over `source` (the environment) over the settings file over the defaults.
 * Tests pass their own `source`; the settings file is read from the working folder.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const file = readSettingsFile(flagSettings.TINWATCH_SETTINGS ?? source.TINWATCH_SETTINGS);
  const fromEnv = Object.fromEntries(SETTING_NAMES.filter((n) => source[n] !== undefined).map((n) => [n, source[n]]));
  const merged = { ...file.values, ...fromEnv, ...flagSettings };
  const res = envSchema.safeParse(merged);
  if (!res.success) {
    const msg = res.error.issues
      .map((i) => {
        const name = String(i.path[0]);
        if (name in flagSettings) return `command line ${name}: ${i.message}`;
        if (name in fromEnv) return `environment ${name}: ${i.message}`;
        return `${file.at[name] ?? 'settings file'}: ${name}: ${i.message}`;
      })
      .join('\n');
    throw new ConfigError(msg);
  }
  return res.data;
}

/**
 * A channel secret named by the watchlist (secretEnv, TINWATCH_WEBHOOK_URL, …): read from the
 * environment only, never from a file in the project folder, so a secret is not committed.
 */
export function readSecret(name: string): string | undefined {
  return process.env[name];
}

/** Whether a setting was given at all (flag, environment or file), rather than left to its default. */
export function settingGiven(name: SettingName, source: NodeJS.ProcessEnv = process.env): boolean {
  if (name in flagSettings || source[name] !== undefined) return true;
  return name in readSettingsFile(flagSettings.TINWATCH_SETTINGS ?? source.TINWATCH_SETTINGS).values;
}

/** Whether LOG_LEVEL asks for debug output, even when other settings are wrong (error reporting). */
export function debugRequested(): boolean {
  return /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '');
}
