// Counters and job timings kept in Redis, so every process (scheduler, any number of workers on
// any machine) adds to the same numbers and the dashboard and /metrics show the whole deployment,
// not the one process that happens to serve the page.
import type { Redis } from 'ioredis';
import type { Keys } from '../redis/keys.js';

/** Upper bounds (seconds) of the job duration histogram buckets. */
export const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

export type Counter =
  | { name: 'pages_fetched'; source: string; status: string }
  | { name: 'articles'; source: string; outcome: string }
  | { name: 'extraction_fallbacks'; source: string }
  | { name: 'alerts'; channel: string; outcome: string };

function field(c: Counter): string {
  switch (c.name) {
    case 'pages_fetched':
      return `pages_fetched|${c.source}|${c.status}`;
    case 'articles':
      return `articles|${c.source}|${c.outcome}`;
    case 'extraction_fallbacks':
      return `extraction_fallbacks|${c.source}`;
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
  lastError?: string;
  lastErrorAt?: string;
}

export class PipelineStats {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async count(c: Counter, by = 1): Promise<void> {
    await this.redis.hincrby(this.keys.statsCounters, field(c), by);
  }

  /**
   * One job's duration: only the bucket it falls in is counted (`in_<le>`, `in_inf` past the
   * last), three commands per job instead of one per bucket it is under; `durations()` adds them
   * up into Prometheus's cumulative buckets when read.
   */
  async observeDuration(queue: string, seconds: number): Promise<void> {
    const key = this.keys.statsDurations(queue);
    const le = DURATION_BUCKETS.find((b) => seconds <= b);
    await this.redis
      .multi()
      .hincrby(key, le === undefined ? 'in_inf' : `in_${le}`, 1)
      .hincrby(key, 'count', 1)
      .hincrbyfloat(key, 'sum', seconds)
      .exec();
  }

  async setHealth(sourceId: string, health: SourceHealth): Promise<void> {
    const entries = Object.entries(health).filter(([, v]) => v !== undefined) as [string, string][];
    if (entries.length) await this.redis.hset(this.keys.sourceHealth(sourceId), Object.fromEntries(entries));
  }

  async health(sourceId: string): Promise<SourceHealth> {
    return (await this.redis.hgetall(this.keys.sourceHealth(sourceId))) as SourceHealth;
  }

  /** Every counter as [labels, value]. */
  async counters(): Promise<{ name: string; labels: string[]; value: number }[]> {
    const raw = await this.redis.hgetall(this.keys.statsCounters);
    return Object.entries(raw).map(([k, v]) => {
      const [name, ...labels] = k.split('|');
      return { name: name!, labels, value: Number(v) };
    });
  }

  async durations(queue: string): Promise<{ buckets: [number, number][]; count: number; sum: number }> {
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
