// A written story's latest revision, as the next re-check compares against it: its text file,
// hashes of its parts, when it was fetched and the WARC response that holds it (a revisit refers
// to that response; an edit's new response too). Revision 1 is the article line's; each edit line
// adds one. Set in the same MULTI as the line that makes it true, so a retried job sees the
// revision before its own until its line is written.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';

export interface CaptureRef {
  record_id: string;
  /** WARC-Target-URI and WARC-Date of that response. */
  uri: string;
  date: string;
  /** Its WARC-Payload-Digest (sha256:hex): an identical payload makes a revisit. */
  digest: string;
}

export interface StoryRevision {
  revision: number;
  seq: number;
  file: string;
  fetched_at: string;
  content_hash: string;
  title: string;
  author: string | null;
  lead_hash: string;
  body_hash: string;
  /** The last full response of the page (null when capture was off). */
  capture: CaptureRef | null;
}

export const partHash = (parts: readonly (string | null)[]): string =>
  createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\n'))
    .digest('hex')
    .slice(0, 32);

export function saveRevision(m: ReturnType<Redis['multi']>, keys: Keys, storyId: string, r: StoryRevision): void {
  m.hset(keys.storyRevisions, storyId, JSON.stringify(r));
}

export async function latestRevision(redis: Redis, keys: Keys, storyId: string): Promise<StoryRevision | null> {
  const raw = await redis.hget(keys.storyRevisions, storyId);
  return raw ? (JSON.parse(raw) as StoryRevision) : null;
}
