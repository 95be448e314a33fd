// An article page, once fetched: parked in Redis (gzip, a day at most) with its HTTP exchange for
// the WARC capture, and an article job queued for it. The page is marked seen (and its job listed
// for the run) only once the job exists, riding along with the next page's write.
import { gzipSync } from 'node:zlib';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { PIPELINE } from '../../config/pipeline.js';
import { packExchange } from '../../src/archive/http-exchange.js';
import { addArticleJob } from '../../base/queues.js';
import { execChecked } from '../../base/redis/exec-checked.js';
import type { Keys } from '../../base/redis/keys.js';
import type { Candidate } from '../discovery/article-candidates.js';
import type { FetchedPage } from '../fetched-page.js';
import type { QueuedMarks } from '../queued-marks.js';

export interface ParkDeps {
  redis: Redis;
  keys: Keys;
  articleQueue: Queue;
  /** Park the page's HTTP exchange for its WARC capture (TINWATCH_WARC). */
  captureWarc?: boolean;
}

/** Parks the page and queues its article job; returns the job id. */
export async function parkArticle(
  deps: ParkDeps,
  sourceId: string,
  cand: Candidate,
  page: FetchedPage,
  queued: QueuedMarks,
  runId: string | undefined,
): Promise<string> {
  const rawKey = deps.keys.raw(cand.storyId);
  // Level 1: pages compress well at a fraction of the default level's CPU; they live a day at most.
  // The page's own UTF-8 bytes when it came as UTF-8: the same text, without encoding it again.
  const raw = gzipSync(page.bodyUtf8 ?? page.body, { level: 1 });
  const park = deps.redis.pipeline().set(rawKey, raw, 'EX', PIPELINE.rawPageTtlSeconds);
  // The exchange for the WARC capture; its payload is the parked page itself when the page came
  // as UTF-8 (most outlets), so it is not stored twice.
  const captureKey = deps.captureWarc && page.capture ? deps.keys.capture(cand.storyId) : null;
  if (captureKey && page.capture) {
    const same = page.bodyUtf8 !== undefined && page.bodyUtf8.equals(page.capture.payload);
    const packed = packExchange(page.capture.exchange, same ? null : page.capture.payload);
    park.set(captureKey, gzipSync(packed, { level: 1 }), 'EX', PIPELINE.rawPageTtlSeconds);
  }
  const restore = queued.drainInto(park);
  try {
    await execChecked(park, `parking ${rawKey}`);
  } catch (err) {
    restore();
    throw err;
  }
  const id = await addArticleJob(deps.articleQueue, {
    sourceId,
    url: page.finalUrl,
    canonicalUrl: cand.canonicalUrl,
    storyId: cand.storyId,
    rawKey,
    ...(captureKey ? { captureKey } : {}),
    fetchedAt: new Date().toISOString(),
    feedPublishedAt: cand.feedPublishedAt,
    ...(runId ? { runId } : {}),
  });
  queued.add(cand.identity, id);
  return id;
}
