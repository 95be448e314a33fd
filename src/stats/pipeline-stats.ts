// Counters and job timings kept in Redis, so every process (scheduler, any number of workers on
// any machine) adds to the same numbers and the dashboard and /metrics show the whole deployment,
// not the one process that happens to serve the page.
import type { Redis } from 'ioredis';
import { execChecked } from '../../base/redis/exec-checked.js';
import type { Keys } from '../../base/redis/keys.js';
import { PIPELINE } from '../../config/pipeline.js';

/** Upper bounds (seconds) of the job duration histogram buckets. */
export const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

export type Counter =
  | { name: 'pages_fetched'; source: string; status: string }
  | { name: 'articles'; source: string; outcome: string }
  | { name: 'extraction_fallbacks'; source: string }
  | { name: 'source_failures'; source: string; cause: string }
  | { name: 'repeated_warnings'; source: string; warning: string }
  | { name: 'alerts'; channel: string; outcome: string };

function field(c: Counter): string {
  switch (c.name) {
    case 'pages_fetched':
      return `pages_fetched|${c.source}|${c.status}`;
    case 'articles':
      return `articles|${c.source}|${c.outcome}`;
    case 'extraction_fallbacks':
      return `extraction_fallbacks|${c.source}`;
    case 'source_failures':
      return `source_failures|${c.source}|${c.cause}`;
    case 'repeated_warnings':
      return `repeated_warnings|${c.source}|${c.warning}`;
    case 'alerts':
      return `alerts|${c.channel}|${c.outcome}`;
  }
}

export interface SourceHealth {
  lastCrawlAt?: string;
  lastDiscovered?: string;
  lastNew?: string;
  lastFetched?: string;
  lastFetchFailed?: string;
  /** The last crawl's failed fetches by cause ("2 dns, 1 HTTP 404"); empty when none failed. */
  lastFailures?: string;
  /** The last failure's words; empty after a crawl with none. */
  lastError?: string;
  lastErrorAt?: string;
  /** When one of the source's feeds was last polled, and when that feed is polled next. */
  lastPollAt?: string;
  nextPollAt?: string;
  /** '1' when the last feed poll failed, '' when it read its feed. */
  lastPollFailed?: string;
  /** Set while the source fails (source-status.ts): since when, the cause, what failed, its words. */
  failingSince?: string;
  failingCause?: string;
  failingVia?: string;
  failingReason?: string;
  /** When a failing source is next tried (its next poll or crawl, a cached robots.txt's expiry). */
  retryAt?: string;
  lastSuccessAt?: string;
  lastFailureAt?: string;
}

/**
 * How long counts wait in memory before one MULTI writes them. Per article job the counter and
 * the duration were two Redis round trips of their own; batched, a busy worker writes a few
 * times a second. Readers in another process see counts this much later; a process killed with
 * SIGKILL loses at most this long of its counts (close() writes what is pending).
 */
export const STATS_FLUSH_MS = 500;

interface PendingDurations {
  fields: Map<string, number>;
  count: number;
  sum: number;
}

export class PipelineStats {
  private counts = new Map<string, number>();
  /** Per-day counts (selector rot), by day then field. */
  private daily = new Map<string, Map<string, number>>();
  private durationsByQueue = new Map<string, PendingDurations>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly flushMs: number = STATS_FLUSH_MS,
  ) {}

  /** Adds to a counter (written within flushMs, or by flush()). */
  async count(c: Counter, by = 1): Promise<void> {
    const f = field(c);
    this.counts.set(f, (this.counts.get(f) ?? 0) + by);
    this.schedule();
  }

  /** Adds to a per-day count (a HASH per day that expires after `keepDays`). */
  countDaily(day: string, fieldName: string, by = 1): void {
    let d = this.daily.get(day);
    if (!d) this.daily.set(day, (d = new Map()));
    d.set(fieldName, (d.get(fieldName) ?? 0) + by);
    this.schedule();
  }

  /** One day's per-day counts (this process's pending ones included). */
  async dailyCounts(day: string): Promise<Record<string, number>> {
    await this.flush().catch(() => undefined);
    const raw = await this.redis.hgetall(this.keys.extractionsOfDay(day));
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
  }

  /**
   * One job's duration: only the bucket it falls in is counted (`in_<le>`, `in_inf` past the
   * last); `durations()` adds them up into Prometheus's cumulative buckets when read.
   */
  async observeDuration(queue: string, seconds: number): Promise<void> {
    const le = DURATION_BUCKETS.find((b) => seconds <= b);
    const bucket = le === undefined ? 'in_inf' : `in_${le}`;
    const d = this.pendingDurations(queue);
    d.fields.set(bucket, (d.fields.get(bucket) ?? 0) + 1);
    d.count++;
    d.sum += seconds;
    this.schedule();
  }

  private pendingDurations(queue: string): PendingDurations {
    let d = this.durationsByQueue.get(queue);
    if (!d) this.durationsByQueue.set(queue, (d = { fields: new Map(), count: 0, sum: 0 }));
    return d;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch(() => undefined); // kept pending; the next flush retries
    }, this.flushMs);
    this.timer.unref(); // pending counts never hold a process open; close() writes them
  }

  /** Writes the pending counts now, in one MULTI. If Redis refuses, they stay pending. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const counts = this.counts;
    const durations = this.durationsByQueue;
    const daily = this.daily;
    if (counts.size === 0 && durations.size === 0 && daily.size === 0) return this.writing;
    this.counts = new Map();
    this.durationsByQueue = new Map();
    this.daily = new Map();
    const m = this.redis.multi();
    for (const [f, by] of counts) m.hincrby(this.keys.statsCounters, f, by);
    for (const [day, fields] of daily) {
      const key = this.keys.extractionsOfDay(day);
      for (const [f, by] of fields) m.hincrby(key, f, by);
      m.expire(key, PIPELINE.selectorRot.keepDays * 24 * 3600);
    }
    for (const [queue, d] of durations) {
      const key = this.keys.statsDurations(queue);
      for (const [f, n] of d.fields) m.hincrby(key, f, n);
      m.hincrby(key, 'count', d.count).hincrbyfloat(key, 'sum', d.sum);
    }
    // Writes stay in order, so a reader that flushed sees every count made before it asked.
    const write = this.writing.then(async () => {
      try {
        await execChecked(m, 'stats');
      } catch (err) {
        this.restore(counts, durations, daily);
        throw err;
      }
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  private restore(
    counts: Map<string, number>,
    durations: Map<string, PendingDurations>,
    daily: Map<string, Map<string, number>>,
  ): void {
    for (const [f, by] of counts) this.counts.set(f, (this.counts.get(f) ?? 0) + by);
    for (const [day, fields] of daily) for (const [f, by] of fields) this.countDaily(day, f, by);
    for (const [queue, d] of durations) {
      const mine = this.pendingDurations(queue);
      for (const [f, n] of d.fields) mine.fields.set(f, (mine.fields.get(f) ?? 0) + n);
      mine.count += d.count;
      mine.sum += d.sum;
    }
    this.schedule();
  }

  async setHealth(sourceId: string, health: SourceHealth): Promise<void> {
    const entries = Object.entries(health).filter(([, v]) => v !== undefined) as [string, string][];
    if (entries.length) await this.redis.hset(this.keys.sourceHealth(sourceId), Object.fromEntries(entries));
  }

  async clearHealth(sourceId: string, fields: (keyof SourceHealth)[]): Promise<void> {
    await this.redis.hdel(this.keys.sourceHealth(sourceId), ...fields);
  }

  /** Sets a health field unless it is set already; returns the value it holds. */
  async setHealthOnce(sourceId: string, field: keyof SourceHealth, value: string): Promise<string> {
    const key = this.keys.sourceHealth(sourceId);
    if (await this.redis.hsetnx(key, field, value)) return value;
    return (await this.redis.hget(key, field)) ?? value;
  }

  async health(sourceId: string): Promise<SourceHealth> {
    return (await this.redis.hgetall(this.keys.sourceHealth(sourceId))) as SourceHealth;
  }

  /** Every counter as [labels, value] (this process's pending counts included). */
  async counters(): Promise<{ name: string; labels: string[]; value: number }[]> {
    await this.flush().catch(() => undefined);
    const raw = await this.redis.hgetall(this.keys.statsCounters);
    return Object.entries(raw).map(([k, v]) => {
      const [name, ...labels] = k.split('|');
      return { name: name!, labels, value: Number(v) };
    });
  }

  async durations(queue: string): Promise<{ buckets: [number, number][]; count: number; sum: number }> {
    await this.flush().catch(() => undefined);
    const raw = await this.redis.hgetall(this.keys.statsDurations(queue));
    let below = 0;
    return {
      // Cumulative per bucket; `le_` fields are the cumulative counts older versions stored.
      buckets: DURATION_BUCKETS.map((le) => {
        below += Number(raw[`in_${le}`] ?? 0);
        return [le, below + Number(raw[`le_${le}`] ?? 0)] as [number, number];
      }),
      count: Number(raw.count ?? 0),
      sum: Number(raw.sum ?? 0),
    };
  }
}
