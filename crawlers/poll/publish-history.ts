// The times a feed's items were published, kept in Redis for the poll policy (poll-policy.ts):
// one sorted set per feed, member the item's URL, score its publication time. An item is recorded
// once (NX), so reading the same feed again adds nothing; an item without a date (or with a date in
// the future) counts from when it was first seen. Trimmed to the policy's history days and a cap.
import type { Redis } from 'ioredis';
import { FEED_POLL } from '../../config/feed-polling.js';
import type { Keys } from '../../base/redis/keys.js';

const DAY_MS = 24 * 3_600_000;
/** Kept one day longer than the policy reads, so "the same hour a week ago" is whole. */
const KEEP_MS = (FEED_POLL.historyDays + 1) * DAY_MS;

export interface FeedItemLink {
  url: string;
  publishedAt: string | null;
}

/** When an item counts as published: its date, unless missing, unreadable, in the future or too old. */
export function itemTime(publishedAt: string | null, now: number): number | null {
  const t = publishedAt ? Date.parse(publishedAt) : NaN;
  if (!Number.isFinite(t) || t > now + FEED_POLL.futureToleranceMs) return now;
  if (t < now - KEEP_MS) return null;
  return Math.min(t, now);
}

export class PublishHistory {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async record(feedUrl: string, links: readonly FeedItemLink[], now: number): Promise<void> {
    const key = this.keys.feedItems(feedUrl);
    const args: (string | number)[] = [];
    for (const link of links) {
      const t = itemTime(link.publishedAt, now);
      if (t !== null) args.push(t, link.url);
    }
    const tx = this.redis.multi();
    if (args.length) tx.zadd(key, 'NX', ...args);
    tx.zremrangebyscore(key, '-inf', now - KEEP_MS)
      .zremrangebyrank(key, 0, -(FEED_POLL.historyMaxItems + 1))
      .pexpire(key, KEEP_MS);
    await tx.exec();
  }

  /** Publication times of the feed's items within the history, oldest first. */
  async times(feedUrl: string, now: number): Promise<number[]> {
    const raw = await this.redis.zrangebyscore(this.keys.feedItems(feedUrl), now - KEEP_MS, '+inf', 'WITHSCORES');
    const out: number[] = [];
    for (let i = 1; i < raw.length; i += 2) out.push(Number(raw[i]));
    return out;
  }
}
