// When a written story's page is fetched again to see whether the outlet edited it. Polite by
// design: a few checks while a story is young (when outlets correct and update), none after a
// day; at most a few per crawl, behind the new articles and through the same host spacing and
// robots.txt; and a feed that lists a story again with a newer date brings its check forward,
// but never sooner than RELISTED_GAP after the last one. State in Redis (the crawler reads it,
// the article worker writes it): a due set per source and the story's record.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';

export const RECHECK = {
  /** Scheduled checks, from the story's first fetch: an hour (first corrections), six hours, a day. */
  afterMs: [3_600_000, 6 * 3_600_000, 24 * 3_600_000] as readonly number[],
  /** Checks a crawl makes at most (after its new articles). */
  maxPerCrawl: 5,
  /** Checks a story gets at most, relisted ones included. */
  maxChecks: 6,
  /** A relisted story is not fetched again sooner than this after its last fetch. */
  relistedGapMs: 10 * 60_000,
  /** The record of a story past its last check goes after this (a relisting after it is ignored). */
  forgetAfterMs: 3 * 24 * 3_600_000,
} as const;

export interface RecheckRecord {
  storyId: string;
  sourceId: string;
  url: string;
  canonicalUrl: string;
  firstFetchedAt: string;
  lastFetchedAt: string;
  /** The newest date a feed gave the story. */
  listedAt: string | null;
  /** Checks made so far. */
  checks: number;
}

export interface DueRecheck {
  record: RecheckRecord;
  reason: 'relisted' | 'scheduled';
}

/** The time of the next scheduled check after `checks` checks, or null: no more. */
export function nextScheduled(r: RecheckRecord): number | null {
  const after = RECHECK.afterMs[r.checks];
  return after === undefined || r.checks >= RECHECK.maxChecks ? null : Date.parse(r.firstFetchedAt) + after;
}

/** A story just written: its record and its first scheduled check. */
export function scheduleFirst(m: ReturnType<Redis['multi']>, keys: Keys, r: RecheckRecord): void {
  const due = nextScheduled(r);
  m.hset(keys.recheckRecords, r.storyId, JSON.stringify(r));
  if (due !== null) m.zadd(keys.recheckDue(r.sourceId), due, r.storyId);
}

async function records(redis: Redis, keys: Keys, ids: string[]): Promise<RecheckRecord[]> {
  if (ids.length === 0) return [];
  const raw = await redis.hmget(keys.recheckRecords, ...ids);
  return raw.flatMap((s) => (s ? [JSON.parse(s) as RecheckRecord] : []));
}

/** The source's scheduled checks due now, oldest first, at most `limit`. */
export async function dueRechecks(
  redis: Redis,
  keys: Keys,
  sourceId: string,
  now: number,
  limit: number,
): Promise<DueRecheck[]> {
  if (limit <= 0) return [];
  const ids = await redis.zrangebyscore(keys.recheckDue(sourceId), 0, now, 'LIMIT', 0, limit);
  return (await records(redis, keys, ids)).map((record) => ({ record, reason: 'scheduled' as const }));
}

/**
 * Stories a feed lists again with a date newer than any it gave before: due now, unless fetched
 * within RELISTED_GAP or out of checks. Items without a date never count (a feed that omits
 * dates would otherwise bring every story back).
 */
export async function relistedRechecks(
  redis: Redis,
  keys: Keys,
  items: readonly { storyId: string; feedPublishedAt: string | null }[],
  now: number,
): Promise<DueRecheck[]> {
  const dated = items.filter((i) => i.feedPublishedAt && Number.isFinite(Date.parse(i.feedPublishedAt)));
  const byId = new Map(dated.map((i) => [i.storyId, Date.parse(i.feedPublishedAt!)]));
  const out: DueRecheck[] = [];
  for (const record of await records(redis, keys, [...byId.keys()])) {
    if (now - Date.parse(record.firstFetchedAt) > RECHECK.forgetAfterMs) {
      await redis.hdel(keys.recheckRecords, record.storyId);
      continue;
    }
    const listed = byId.get(record.storyId)!;
    const before = record.listedAt ? Date.parse(record.listedAt) : Date.parse(record.firstFetchedAt);
    if (!(listed > before)) continue;
    if (record.checks >= RECHECK.maxChecks) continue;
    if (now - Date.parse(record.lastFetchedAt) < RECHECK.relistedGapMs) continue;
    out.push({ record: { ...record, listedAt: new Date(listed).toISOString() }, reason: 'relisted' });
  }
  return out;
}

/** A check was queued: counted, the next one scheduled (or the story dropped from the due set). */
export function markChecked(m: ReturnType<Redis['multi']>, keys: Keys, due: DueRecheck, fetchedAt: string): void {
  const r: RecheckRecord = { ...due.record, checks: due.record.checks + 1, lastFetchedAt: fetchedAt };
  const next = nextScheduled(r);
  m.hset(keys.recheckRecords, r.storyId, JSON.stringify(r));
  if (next === null) m.zrem(keys.recheckDue(r.sourceId), r.storyId);
  else m.zadd(keys.recheckDue(r.sourceId), Math.max(next, Date.parse(fetchedAt) + 1), r.storyId);
}
