// The thread a story belongs to, for alerting once per thread and for naming the threads behind
// a spike. The same definition as the thread model (src/thread, /brief): a follow-up or a
// same-event report joins the thread of the story it links to; a copy joins its original's;
// `same-series` links (another day of a recurring column) do not join. The root, the thread's
// id, is the earliest story: `related` always points at an earlier story, so a story's root is
// its link target's root. Kept in Redis as one hash (keys.threadRoot), rebuilt by `recover` from
// the manifest, so the output folder stays the record.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';

export interface ThreadLink {
  id: string;
  kind: string;
}

/** The link that joins a story to a thread, if it has one (same-series links do not). */
export function joiningLink(related: readonly ThreadLink[] | null | undefined): ThreadLink | null {
  return related?.find((r) => r.kind === 'follow-up' || r.kind === 'same-event') ?? null;
}

/** The root of a story linked to `target` (or of a copy of `target`): the target's own root. */
export async function rootThrough(redis: Redis, keys: Keys, target: string): Promise<string> {
  return (await redis.hget(keys.threadRoot, target)) ?? target;
}

/** Works out and records the root of a story (or copy): its link's root, else itself. */
export async function recordThreadRoot(
  redis: Redis,
  keys: Keys,
  storyId: string,
  linkedTo: string | null,
): Promise<string> {
  const root = linkedTo ? await rootThrough(redis, keys, linkedTo) : storyId;
  await redis.hset(keys.threadRoot, storyId, root);
  return root;
}
