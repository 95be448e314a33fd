// What the article job knows about itself in Redis: what an earlier attempt did (its kept
// outcome), whether the story already has its manifest line, and the parked page — read in one
// round trip — and the keys it deletes once the story is done.
import { gunzipSync } from 'node:zlib';
import { UnrecoverableError } from 'bullmq';
import type { ChainableCommander, Redis } from 'ioredis';
import { PIPELINE } from '../../config/pipeline.js';
import { articleOutcomeSchema, type ArticleJobData, type ArticleOutcome } from '../../base/queues.js';
import { execChecked } from '../../base/redis/exec-checked.js';
import type { Keys } from '../../base/redis/keys.js';

/** The page is read even when the story is done (it is small next to a second round trip). */
export async function storyStateAndRaw(
  deps: { redis: Redis; keys: Keys },
  data: ArticleJobData,
): Promise<{ earlier: ArticleOutcome | null; done: boolean; raw: Buffer | null }> {
  const [kept, manifested, raw] = await execChecked(
    deps.redis
      .pipeline()
      .get(deps.keys.articleOutcome(data.storyId))
      .sismember(deps.keys.manifested, data.storyId)
      .getBuffer(data.rawKey),
    'story state and raw page',
  );
  return { earlier: keptOutcomeOf(data, kept as string | null), done: manifested === 1, raw: raw as Buffer | null };
}

/**
 * The kept outcome if it is this job's: same story fetched at the same time. A later crawl's job
 * for the story (fetched again) did not write it, so it gets no outcome here.
 */
function keptOutcomeOf(data: ArticleJobData, kept: string | null): ArticleOutcome | null {
  if (!kept) return null;
  try {
    const { fetchedAt, outcome } = JSON.parse(kept) as { fetchedAt?: string; outcome?: unknown };
    const parsed = articleOutcomeSchema.safeParse(outcome);
    return fetchedAt === data.fetchedAt && parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the job's outcome beside its last write, so a repeat of the job can report it. */
export function keepOutcome(
  m: ChainableCommander,
  keys: Keys,
  data: ArticleJobData,
  outcome: ArticleOutcome,
): ChainableCommander {
  const kept = JSON.stringify({ fetchedAt: data.fetchedAt, outcome });
  return m.set(keys.articleOutcome(data.storyId), kept, 'EX', PIPELINE.articleOutcomeTtlSeconds);
}

/** The parked page's bytes (UTF-8), inflated once: extraction reads them, the WARC capture keeps them. */
export function inflateRaw(rawKey: string, buf: Buffer | null): Buffer {
  if (!buf)
    throw new UnrecoverableError(`raw page ${rawKey} is gone (expired before extraction); re-crawl to fetch it again`);
  return gunzipSync(buf);
}

/** The job's parked page and, when capture is on, its HTTP exchange: gone once the story is done. */
export const parkedKeys = (data: ArticleJobData): string[] =>
  data.captureKey ? [data.rawKey, data.captureKey] : [data.rawKey];
