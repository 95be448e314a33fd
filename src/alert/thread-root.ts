// The thread a story belongs to, for alerting once per thread and for naming the threads behind
// a spike: the thread rule of src/thread/thread-rule.ts, applied as each story is claimed, with
// the roots cached in Redis as one hash (keys.threadRoot). The article job links a story to one
// earlier story at most, so the cache never has to order two roots; `recover` rewrites the hash
// from the manifest's thread index, so the output folder stays the record.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';
import { rootJoined } from '../thread/thread-rule.js';

/** The cached root of a known story or copy; the story itself when the cache has none. */
export async function rootThrough(redis: Redis, keys: Keys, target: string): Promise<string> {
  return (await redis.hget(keys.threadRoot, target)) ?? target;
}

/**
 * Works out and caches the root of a story or copy: the root of the thread its joining link (or
 * a copy's original) is in, else its own id.
 */
export async function recordThreadRoot(
  redis: Redis,
  keys: Keys,
  storyId: string,
  joins: string | null,
): Promise<string> {
  const root = rootJoined(storyId, joins ? [{ id: await rootThrough(redis, keys, joins), at: 0 }] : []);
  await redis.hset(keys.threadRoot, storyId, root);
  return root;
}
