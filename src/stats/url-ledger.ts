// Where every discovered URL ended, per source and Vietnam day: one field per URL in a HASH of
// that day and source, holding its bucket (and the detail: the cause, the reason, what deferred
// it). A later state replaces an earlier one (deferred by the cap, then written by the next crawl),
// so each URL is in exactly one bucket and the buckets add up to the URLs discovered by
// construction; `in-progress` is the one bucket that must drain (fetched, job not finished).
// Read by `tinwatch report`, the dashboard and /metrics.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';
import { vietnamDay } from './selector-rot.js';

export const BUCKETS = [
  'written',
  'borderline',
  'duplicate',
  'related',
  'off-topic',
  'stale',
  'failed',
  'deferred',
  'rejected',
  'in-progress',
] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Days a ledger is kept. */
export const LEDGER_KEEP_DAYS = 40;
const KEEP_SECONDS = LEDGER_KEEP_DAYS * 24 * 3600;

const entry = (bucket: Bucket, detail?: string): string =>
  detail ? `${bucket}|${detail.replace(/\s+/g, ' ').slice(0, 200)}` : bucket;

/** The ledger field of an article (its story id) or of a link refused before it had one. */
export const rejectedField = (url: string): string => `url:${url}`;

export class UrlLedger {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** URLs met for the first time today: in progress until something else is said of them. */
  async discovered(sourceId: string, fields: string[], day = vietnamDay()): Promise<void> {
    if (fields.length === 0) return;
    const key = this.keys.urlLedger(day, sourceId);
    const m = this.redis.multi();
    for (const f of fields) m.hsetnx(key, f, 'in-progress');
    await m.expire(key, KEEP_SECONDS).exec();
  }

  /** Links refused by the source's URL rules (host, pattern, port): counted once a day each. */
  async rejected(sourceId: string, refused: { url: string; why: string }[], day = vietnamDay()): Promise<void> {
    if (refused.length === 0) return;
    const key = this.keys.urlLedger(day, sourceId);
    const m = this.redis.multi();
    for (const r of refused) m.hsetnx(key, rejectedField(r.url), entry('rejected', r.why));
    await m.expire(key, KEEP_SECONDS).exec();
  }

  /** Buckets of URLs met in today's discovery, in one write (a listing may hold 10 000 links). */
  async mark(
    sourceId: string,
    marks: (readonly [field: string, bucket: Bucket, detail?: string])[],
    day = vietnamDay(),
  ) {
    if (marks.length === 0) return;
    const key = this.keys.urlLedger(day, sourceId);
    const m = this.redis.multi();
    for (const [f, b, d] of marks) m.hset(key, f, entry(b, d));
    await m.expire(key, KEEP_SECONDS).exec();
  }

  /**
   * A URL's bucket, in the ledger of the day it was discovered (today or yesterday: an article
   * job may finish after midnight), today's when neither has it.
   */
  async settle(sourceId: string, field: string, bucket: Bucket, detail?: string): Promise<void> {
    const now = new Date();
    const days = [vietnamDay(now), vietnamDay(new Date(now.getTime() - 24 * 3600 * 1000))];
    let key = this.keys.urlLedger(days[0]!, sourceId);
    for (const d of days) {
      const k = this.keys.urlLedger(d, sourceId);
      if (await this.redis.hexists(k, field)) {
        key = k;
        break;
      }
    }
    await this.redis.multi().hset(key, field, entry(bucket, detail)).expire(key, KEEP_SECONDS).exec();
  }

  /** One source's day: the count per bucket, and per bucket the count per detail. */
  async day(sourceId: string, day: string): Promise<DayAccount> {
    const raw = await this.redis.hvals(this.keys.urlLedger(day, sourceId));
    const counts = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;
    const details: Record<string, Record<string, number>> = {};
    for (const v of raw) {
      const bar = v.indexOf('|');
      const bucket = (bar < 0 ? v : v.slice(0, bar)) as Bucket;
      counts[bucket] = (counts[bucket] ?? 0) + 1;
      if (bar >= 0) {
        const d = (details[bucket] ??= {});
        const detail = v.slice(bar + 1);
        d[detail] = (d[detail] ?? 0) + 1;
      }
    }
    return { source: sourceId, day, discovered: raw.length, counts, details };
  }
}

export interface DayAccount {
  source: string;
  day: string;
  /** URLs met that day: the sum of the buckets. */
  discovered: number;
  counts: Record<Bucket, number>;
  details: Record<string, Record<string, number>>;
}
