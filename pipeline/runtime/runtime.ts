// Everything a tinwatch process shares: env, logger, Redis (resolved or embedded), keys, queues,
// origin map, sources. Built once per process by the CLI; tests build it with their own Redis.
import { Redis } from 'ioredis';
import { coalesceWrites } from '../../base/redis/coalesce-writes.js';
import { readEnv, readSecret, settingGiven, type Env } from '../../config/env.js';
import { claimFolder } from '../../src/write/claim-folder.js';
import { readFolderIdentity } from '../../src/write/folder-identity.js';
import { readWatchlist, watchlistFile } from '../../config/load-watchlist.js';
import type { Watchlist } from '../../config/watchlist-schema.js';
import { followWatchlistFile, type WatchlistListener } from '../../src/alert/watchlist-reload.js';
import { createAlerts, type Alerts } from '../../src/alert/alert-setup.js';
import { runRuntimeClosers } from '../../base/runtime-closers.js';
import { WALL_CLOCK, type FeedPolling, type PollClock } from './poll-clock.js';
import type { PollLimits } from '../../config/feed-polling.js';
import { DEFAULT_POLL_LIMITS } from '../../crawlers/poll/poll-policy.js';
import { recoverOpenWarcs, WarcWriter } from '../../src/archive/warc-writer.js';
import { PipelineStats } from '../../src/stats/pipeline-stats.js';
import { loadSources, sourceById } from '../../config/load-sources.js';
import type { SourceConfig } from '../../config/source-schema.js';
import { createOriginMap, type OriginMap } from '../../base/url/origin-map.js';
import { createLogger, resolveLogFormat, type LogFormat, type Logger } from '../../base/logger.js';
import { openQueues, type Queues } from '../../base/queues.js';
import { createKeys, type Keys } from '../../base/redis/keys.js';
import { RedisOutageLog } from '../../base/redis/outage-log.js';
import { resolveRedis, type RedisTarget } from '../../base/redis/resolve-redis.js';

export interface Runtime {
  env: Env;
  log: Logger;
  redisTarget: RedisTarget;
  /** General-purpose connection (commands, queues). */
  redis: Redis;
  /** One line per Redis outage for the whole process; errors of BullMQ's own clients go here. */
  redisOutages: RedisOutageLog;
  keys: Keys;
  queues: Queues;
  originMap: OriginMap;
  outDir: string;
  sources: SourceConfig[];
  sourceById(id: string): SourceConfig;
  /** Watchlist matcher and channels. */
  alerts: Alerts;
  /** Called with each good edit of the watchlist file once followWatchlist() runs. */
  onWatchlistChange(listener: WatchlistListener): void;
  /** Reload the watchlist file on every edit until close() (long-running commands). */
  followWatchlist(): void;
  /** Deployment-wide counters and timings in Redis. */
  stats: PipelineStats;
  /** How feed polls are planned: the clock they read and the limits of the poll policy. */
  polling: FeedPolling;
  /** This process's (or thread's) WARC writer; null when TINWATCH_WARC=off. */
  warc: WarcWriter | null;
  /** A new connection for a BullMQ Worker (blocking commands need their own). */
  workerConnection(): Redis;
  /** What a worker thread needs to build the same runtime (plain data, structured-cloneable). */
  threadOptions(): ThreadRuntimeOptions;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  env?: Partial<Env>;
  log?: Logger;
  /** Extra or replacement sources (tests). */
  sources?: SourceConfig[];
  /** Overrides TINWATCH_ORIGIN_MAP (demo, tests, `--origin-map`). */
  originMap?: Record<string, string>;
  /** Replacement watchlist (tests). */
  watchlist?: Watchlist;
  /** Where channel secrets are read (default: process.env). */
  secrets?: (name: string) => string | undefined;
  /** Leave Redis outage lines to someone else (an article thread: its parent sees the same outage). */
  quietRedisOutages?: boolean;
  /**
   * This runtime is an article thread's: its parent process did the once-per-process start-up
   * (claimed the output folder, closed the WARC files a stopped writer left open).
   */
  inThread?: boolean;
  /**
   * The Redis address was resolved and answered in the parent (an article thread). The thread
   * then connects without its own start-up probe: a thread started during a Redis restart waits
   * for Redis like every other connection instead of failing its process.
   */
  redisResolved?: boolean;
  /** The feed polls' clock (the latency benchmark's simulated day); the wall clock by default. */
  pollClock?: PollClock;
  /** Poll limits replacing the policy's defaults and TINWATCH_FEED_POLL_MAX_MINUTES (benchmark). */
  pollLimits?: PollLimits;
  /**
   * 'write' (default): the process may write to the output folder, which it claims at start
   * (claim-folder.ts: checked, this prefix's, its record in Redis) or refuses with one line.
   * 'none': it only reads Redis. An article thread writes into the folder its parent claimed
   * (inThread).
   */
  outFolder?: 'write' | 'none';
}

/** RuntimeOptions as plain data: the resolved Redis address, the logger as its level. */
export interface ThreadRuntimeOptions {
  env: Env;
  logLevel: string;
  /** The parent's log format (a thread's stderr is not a terminal, whatever the parent's is). */
  logFormat: LogFormat;
  sources: SourceConfig[];
  originMap: Record<string, string>;
  watchlist: Watchlist;
}

export function connect(url: string): Redis {
  // null: a worker's blocking connection must wait through Redis restarts instead of failing jobs.
  return coalesceWrites(new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true }));
}

export async function createRuntime(opts: RuntimeOptions = {}): Promise<Runtime> {
  const env = { ...readEnv(), ...opts.env };
  // A folder records the prefix that writes it: with no prefix chosen, every command reads the
  // folder's (the demo's output, under its own prefix, needs no setting to be seen).
  if (opts.env?.TINWATCH_PREFIX === undefined && !settingGiven('TINWATCH_PREFIX'))
    env.TINWATCH_PREFIX = readFolderIdentity(env.TINWATCH_OUT)?.prefix ?? env.TINWATCH_PREFIX;
  const log = opts.log ?? createLogger(env.LOG_LEVEL, resolveLogFormat(env.LOG_FORMAT));
  const sources = opts.sources ?? loadSources();
  const rulesFile = opts.watchlist ? null : watchlistFile(env.TINWATCH_WATCHLIST);
  const alerts = createAlerts(opts.watchlist ?? readWatchlist(rulesFile!), opts.secrets ?? readSecret, log);
  const watchlistListeners = new Set<WatchlistListener>();
  let stopFollowing: (() => void) | undefined;
  const redisTarget =
    opts.redisResolved && env.REDIS_URL
      ? { url: env.REDIS_URL, embedded: false, stop: async () => undefined }
      : await resolveRedis({ redisUrl: env.REDIS_URL, dataDir: env.TINWATCH_DATA, log });
  const redis = connect(redisTarget.url);
  // ioredis reconnects by itself (a Redis restart is survivable); the outage log turns its
  // attempts on every connection into one line when Redis goes and one when it is back.
  const outages = new RedisOutageLog(log, opts.quietRedisOutages === true);
  outages.watch(redis);
  const keys = createKeys(env.TINWATCH_PREFIX);
  // BullMQ gets its own connection: it defines its Lua scripts as ioredis commands on the
  // connection it is given, and every MULTI or pipeline on that connection copies all of them
  // (ioredis's Pipeline constructor): CPU the article thread need not spend (figures: BENCHMARKS.md, "Figures behind design choices").
  const queueConnection = connect(redisTarget.url);
  outages.watch(queueConnection);
  const queues = openQueues(queueConnection, keys.bullPrefix);
  // BullMQ prints a queue's connection errors to the console unless someone listens.
  for (const q of [queues.crawl, queues.article, queues.alert]) {
    q.on('error', (err: Error) => outages.report(err, `${q.name} queue error`));
  }
  const extraConnections: Redis[] = [];
  const originMap = opts.originMap ?? env.TINWATCH_ORIGIN_MAP ?? {};
  const warc =
    env.TINWATCH_WARC === 'on'
      ? new WarcWriter(env.TINWATCH_OUT, {
          maxBytes: env.TINWATCH_WARC_MAX_MB * 1024 * 1024,
          idleCloseMs: env.TINWATCH_WARC_IDLE_CLOSE_SECS * 1000,
        })
      : null;
  // WARC files a killed writer left open are cut at their last whole record and closed; a
  // thread leaves it to its parent, which started first.
  if (warc && opts.inThread !== true) {
    for (const r of await recoverOpenWarcs(env.TINWATCH_OUT))
      log.warn({ file: r.file, cutBytes: r.cutBytes }, 'closed a WARC file a stopped writer left open');
  }
  const stats = new PipelineStats(redis, keys);
  const rt: Runtime = {
    env,
    log,
    redisTarget,
    redis,
    redisOutages: outages,
    keys,
    queues,
    originMap: createOriginMap(originMap),
    outDir: env.TINWATCH_OUT,
    sources,
    alerts,
    onWatchlistChange: (listener) => void watchlistListeners.add(listener),
    followWatchlist: () => {
      if (rulesFile && !stopFollowing) stopFollowing = followWatchlistFile(rulesFile, alerts, log, watchlistListeners);
    },
    stats,
    polling: {
      clock: opts.pollClock ?? WALL_CLOCK,
      limits: opts.pollLimits ?? {
        ...DEFAULT_POLL_LIMITS,
        maxIntervalMs: Math.max(DEFAULT_POLL_LIMITS.minIntervalMs, env.TINWATCH_FEED_POLL_MAX_MINUTES * 60_000),
      },
    },
    warc,
    sourceById: (id) => {
      const s = sources.find((x) => x.id === id);
      return s ?? sourceById(id);
    },
    workerConnection: () => {
      const c = outages.watch(connect(redisTarget.url));
      extraConnections.push(c);
      return c;
    },
    threadOptions: () => ({
      // The thread connects to this Redis, even an embedded one this process started.
      env: { ...env, REDIS_URL: redisTarget.url },
      logLevel: log.level,
      logFormat: resolveLogFormat(env.LOG_FORMAT),
      sources,
      originMap,
      watchlist: alerts.watchlist,
    }),
    close: async () => {
      stopFollowing?.();
      await runRuntimeClosers();
      // After the workers (closers above): no capture is appended to a closed file.
      await warc?.close();
      // Counts batched in memory (STATS_FLUSH_MS) are written before the connection goes.
      await stats.flush().catch((err: Error) => log.warn({ err: err.message }, 'stats not written at close'));
      await queues.close();
      await queueConnection.quit().catch(() => queueConnection.disconnect());
      await Promise.all(extraConnections.map((c) => c.quit().catch(() => c.disconnect())));
      await redis.quit().catch(() => redis.disconnect());
      await redisTarget.stop();
    },
  };
  if ((opts.outFolder ?? 'write') === 'write' && opts.inThread !== true) {
    try {
      await claimFolder(redis, keys, env.TINWATCH_OUT);
    } catch (err) {
      await rt.close();
      throw err;
    }
  }
  return rt;
}
