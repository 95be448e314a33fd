// Off-topic articles are not written, but the user must be able to see what was dropped and why
// (a threshold set too high shows up here): a capped Redis list, newest first.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';

export const SKIPPED_KEEP = 1000;

export interface SkippedArticle {
  at: string;
  id: string;
  source_id: string;
  url: string;
  title: string;
  score: number;
  top_terms: string[];
  /** The topic profile whose verdict this is, and the decision in words (absent in older entries). */
  profile?: string;
  reason?: string;
}

export async function recordSkipped(redis: Redis, keys: Keys, entry: SkippedArticle): Promise<void> {
  await redis
    .multi()
    .lpush(keys.skipped, JSON.stringify(entry))
    .ltrim(keys.skipped, 0, SKIPPED_KEEP - 1)
    .exec();
}

export async function recentSkipped(
  redis: Redis,
  keys: Keys,
  limit: number,
): Promise<(SkippedArticle & { topTerms: string[] })[]> {
  const raw = await redis.lrange(keys.skipped, 0, Math.max(0, limit - 1));
  return raw.map((r) => {
    const e = JSON.parse(r) as SkippedArticle;
    return { ...e, topTerms: e.top_terms };
  });
}
