// A story just written becomes revision 1 and gets its re-checks scheduled, in the MULTI that
// marks its manifest line written (pipeline/article/write-story.ts).
import type { Redis } from 'ioredis';
import type { ArticleText } from '../write/article-text.js';
import type { ArticleJobData } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import { scheduleFirst } from './recheck-policy.js';
import { partHash, saveRevision, type CaptureRef } from './story-revision.js';

export function trackWrittenStory(
  m: ReturnType<Redis['multi']>,
  keys: Keys,
  data: ArticleJobData,
  story: { seq: number; file: string; contentHash: string; article: ArticleText & { author: string | null } },
  capture: CaptureRef | null,
): void {
  const a = story.article;
  saveRevision(m, keys, data.storyId, {
    revision: 1,
    seq: story.seq,
    file: story.file,
    fetched_at: data.fetchedAt,
    content_hash: story.contentHash,
    title: a.title,
    author: a.author,
    lead_hash: partHash([a.lead]),
    body_hash: partHash(a.paragraphs),
    capture,
  });
  scheduleFirst(m, keys, {
    storyId: data.storyId,
    sourceId: data.sourceId,
    url: data.url,
    canonicalUrl: data.canonicalUrl,
    firstFetchedAt: data.fetchedAt,
    lastFetchedAt: data.fetchedAt,
    listedAt: data.feedPublishedAt,
    checks: 0,
  });
}
