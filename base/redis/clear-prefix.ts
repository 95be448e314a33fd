// Walking and deleting keys by pattern with SCAN (never KEYS: it blocks a busy server). Used by
// the demo and tests to reset a namespace and by the dedupe index's prune and rebuild.
import type { Redis } from 'ioredis';

/** Batches of keys matching a pattern, until the SCAN cursor comes back to 0. */
export async function* scanKeys(redis: Redis, pattern: string, count = 1000): AsyncGenerator<string[]> {
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', count);
    cursor = next;
    if (batch.length) yield batch;
  } while (cursor !== '0');
}

/** Deletes (UNLINK) every key matching a pattern; returns how many. */
export async function unlinkMatching(redis: Redis, pattern: string): Promise<number> {
  let deleted = 0;
  for await (const batch of scanKeys(redis, pattern)) deleted += await redis.unlink(...batch);
  return deleted;
}

/** Deletes every key under one prefix. */
export async function clearPrefix(redis: Redis, prefix: string): Promise<number> {
  return unlinkMatching(redis, `${prefix}:*`);
}
