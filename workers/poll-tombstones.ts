// Poll chains of removed feeds stay removed during a rolling deploy. The process on the new
import type { Redis } from 'ioredis';
import type { Keys } from '../base/redis/keys.js';

/** What the tombstones use. */
export interface TombstoneDeps {
  redis: Redis;
  keys: Keys;
}
// configuration removes the chain of a feed it no longer lists; a worker still on the old one
// lists the feed, so its next tick (ensurePollJobs) put the chain back, and a chain it was running
// went on polling. So a removal leaves a mark in Redis: the chain's id → when the remover's
// configuration was first seen (Redis TIME, one clock for every machine). A process whose own
// configuration is older than the mark neither re-creates nor continues that chain; one whose
// configuration is newer (the feed was added back) clears the mark and polls it again.

const seenAt = new WeakMap<TombstoneDeps, Promise<number>>();

/** When this process's configuration was first seen, in Redis's milliseconds. */
export function configSeenAt(rt: TombstoneDeps): Promise<number> {
  let at = seenAt.get(rt);
  if (!at) {
    at = rt.redis.time().then(([s, us]) => Number(s) * 1000 + Math.floor(Number(us) / 1000));
    seenAt.set(rt, at);
  }
  return at;
}

const removedKey = (rt: TombstoneDeps): string => `${rt.keys.prefix}:poll-removed`;

/** Marks a poll chain as removed by this process's configuration. */
export async function markPollRemoved(rt: TombstoneDeps, jobId: string): Promise<void> {
  await rt.redis.hset(removedKey(rt), jobId, String(await configSeenAt(rt)));
}

/** Whether a newer configuration than this process's removed the chain (else its mark is cleared). */
export async function removedByNewerConfig(rt: TombstoneDeps, jobId: string): Promise<boolean> {
  const mark = await rt.redis.hget(removedKey(rt), jobId);
  if (mark === null) return false;
  if (Number(mark) > (await configSeenAt(rt))) return true;
  await rt.redis.hdel(removedKey(rt), jobId);
  return false;
}
