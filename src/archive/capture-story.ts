// The article worker's WARC step: a written story's page as served (or a duplicate's, which
// archives keep too: the copy is evidence of who republished what) goes into the writer's WARC
// file before the manifest line points to it. Where it went is kept in Redis first, so a job
// retried after a crash between capture and manifest points to the first capture instead of
// writing a second one.
import { gunzipSync } from 'node:zlib';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { PIPELINE } from '../../config/pipeline.js';
import type { ArticleJobData } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import type { WarcPointer } from '../write/manifest-entry.js';
import { unpackExchange } from './http-exchange.js';
import type { Capture, CapturePointer } from './warc-writer.js';

export interface WarcSink {
  append(capture: Capture): Promise<CapturePointer>;
}

export async function captureStory(
  deps: { redis: Redis; keys: Keys; log: Logger; warc?: WarcSink | null },
  data: ArticleJobData,
  /** The parked page, inflated: the payload itself when the page came as UTF-8. */
  rawPage: Buffer,
  /** The text written and its file; for a duplicate, null and the story it copies. */
  written: { text: string; file: string } | { duplicateOf: string },
): Promise<WarcPointer | null> {
  if (!deps.warc || !data.captureKey) return null;
  const pointerKey = deps.keys.warcPointer(data.storyId);
  const [earlier, packed] = await Promise.all([deps.redis.get(pointerKey), deps.redis.getBuffer(data.captureKey)]);
  if (earlier) return JSON.parse(earlier) as WarcPointer;
  if (!packed) {
    deps.log.warn(
      { storyId: data.storyId },
      'WARC capture skipped: the parked exchange expired before the article was written',
    );
    return null;
  }
  const { exchange, payload } = unpackExchange(gunzipSync(packed), rawPage);
  const pointer = await deps.warc.append({
    storyId: data.storyId,
    sourceId: data.sourceId,
    url: data.url,
    fetchedAt: data.fetchedAt,
    exchange,
    payload,
    ...('text' in written
      ? { text: written.text, textFile: written.file }
      : { text: null, textFile: null, duplicateOf: written.duplicateOf }),
  });
  await deps.redis.set(pointerKey, JSON.stringify(pointer), 'EX', PIPELINE.articleOutcomeTtlSeconds);
  return pointer;
}
