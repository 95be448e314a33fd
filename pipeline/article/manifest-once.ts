// The manifest line, once per story.
import type { Redis } from 'ioredis';
import type { ArticleJobData, ArticleOutcome } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import { appendManifest, manifestTailHasStory } from '../../src/write/article-files.js';
import type { ManifestEntry } from '../../src/write/manifest-entry.js';
import { keepOutcome } from './job-state.js';

export interface ManifestDeps {
  redis: Redis;
  keys: Keys;
  outDir: string;
  /** This job may have run before (retry or stall): check the manifest before appending. */
  maybeRepeated?: boolean;
}

/**
 * Appends the manifest line once per story, then runs `after` in the same MULTI as the flag that
 * says the line is written (one round trip for the job's last Redis writes). A worker killed
 * between append and flag leaves the line without the flag, so a job that may be a repeat (a
 * retry, or picked up after a stall) first checks the flag again and looks for its line at the
 * end of the manifest; a first attempt already checked the flag when it started.
 */
export async function manifestOnce(
  deps: ManifestDeps,
  data: ArticleJobData,
  entry: ManifestEntry,
  after: (m: ReturnType<Redis['multi']>) => void,
  outcome: ArticleOutcome,
): Promise<void> {
  const storyId = data.storyId;
  const repeat = deps.maybeRepeated === true;
  const written = repeat && (await deps.redis.sismember(deps.keys.manifested, storyId)) === 1;
  if (!written && !(repeat && (await manifestTailHasStory(deps.outDir, storyId)))) {
    await appendManifest(deps.outDir, entry);
  }
  const m = keepOutcome(deps.redis.multi().sadd(deps.keys.manifested, storyId), deps.keys, data, outcome);
  after(m);
  await m.exec();
}
