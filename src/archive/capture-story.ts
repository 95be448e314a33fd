// The article worker's WARC step: a written story's page as served (or a duplicate's, which
// archives keep too: the copy is evidence of who republished what; or a page fetched again, as a
// revisit or an edit: recheck-story.ts) goes into the writer's WARC file before the manifest line
// points to it. A capture is taken once per fetch, whatever crashes between: where it will go is
// kept in Redis before a byte is written ("placed"), and where it went once written. A job retried
// after a crash that struck between the write and the manifest line finds the pointer; one that
// struck between the write and the pointer's save finds the placed capture whole on disk
// (verify-capture.ts) and adopts it; a placed capture that never reached the disk is taken anew.
import { gunzipSync } from 'node:zlib';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { PIPELINE } from '../../config/pipeline.js';
import type { ArticleJobData } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import type { WarcPointer } from '../write/manifest-entry.js';
import { unpackExchange } from './http-exchange.js';
import type { CaptureRef } from '../recheck/story-revision.js';
import { sha256Digest, warcDate, type CaptureRecords } from './warc-records.js';
import { captureIsWhole } from './verify-capture.js';
import type { Capture, CapturePointer } from './warc-writer.js';

export interface WarcSink {
  append(capture: Capture, placed?: (at: CapturePointer) => Promise<void>): Promise<CapturePointer>;
}

export interface CaptureDeps {
  redis: Redis;
  keys: Keys;
  log: Logger;
  outDir: string;
  warc?: WarcSink | null;
}

/** Where a capture went, and what a later fetch of the page compares against (its response). */
export interface CaptureResult {
  pointer: WarcPointer;
  ref: CaptureRef;
}

/** One fetch of one page: the story id for its first fetch, the story and fetch time for a re-check. */
export const captureIdOf = (data: ArticleJobData): string =>
  data.recheck ? `${data.storyId}.${Date.parse(data.fetchedAt)}` : data.storyId;

export async function captureStory(
  deps: CaptureDeps,
  data: ArticleJobData,
  /** The parked page, inflated: the payload itself when the page came as UTF-8. */
  rawPage: Buffer,
  /** The text written and its file; for a duplicate, null and the story it copies; for a revisit, nothing. */
  written: { text: string; file: string } | { duplicateOf: string } | { unchanged: true },
  refersTo?: CaptureRecords['refersTo'],
): Promise<CaptureResult | null> {
  if (!deps.warc || !data.captureKey) return null;
  const id = captureIdOf(data);
  const pointerKey = deps.keys.warcPointer(id);
  const placedKey = deps.keys.warcPlaced(id);
  const [earlier, placed, packed] = await Promise.all([
    deps.redis.get(pointerKey),
    deps.redis.get(placedKey),
    deps.redis.getBuffer(data.captureKey),
  ]);
  if (earlier) return JSON.parse(earlier) as CaptureResult;
  const ttl = PIPELINE.articleOutcomeTtlSeconds;
  if (placed) {
    const at = JSON.parse(placed) as CaptureResult;
    if (captureIsWhole(deps.outDir, at.pointer)) {
      deps.log.info(
        { storyId: data.storyId, warc: at.pointer },
        'WARC capture of an interrupted attempt found whole: kept',
      );
      await deps.redis.set(pointerKey, placed, 'EX', ttl);
      return at;
    }
  }
  if (!packed) {
    deps.log.warn(
      { storyId: data.storyId },
      'WARC capture skipped: the parked exchange expired before the article was written',
    );
    return null;
  }
  const { exchange, payload } = unpackExchange(gunzipSync(packed), rawPage);
  const ref: CaptureRef = {
    record_id: '',
    uri: data.url,
    date: warcDate(data.fetchedAt),
    digest: sha256Digest(payload),
  };
  const pointer = await deps.warc.append(
    {
      storyId: data.storyId,
      sourceId: data.sourceId,
      url: data.url,
      fetchedAt: data.fetchedAt,
      exchange,
      payload,
      ...('text' in written
        ? { text: written.text, textFile: written.file }
        : { text: null, textFile: null, ...('duplicateOf' in written ? { duplicateOf: written.duplicateOf } : {}) }),
      ...(refersTo ? { refersTo } : {}),
    },
    async (at) => {
      const result: CaptureResult = { pointer: at, ref: { ...ref, record_id: at.record_id } };
      await deps.redis.set(placedKey, JSON.stringify(result), 'EX', ttl);
    },
  );
  const result: CaptureResult = { pointer, ref: { ...ref, record_id: pointer.record_id } };
  await deps.redis.set(pointerKey, JSON.stringify(result), 'EX', ttl);
  return result;
}
