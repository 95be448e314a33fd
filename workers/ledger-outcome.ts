// An article job's outcome as the URL ledger's bucket (src/stats/url-ledger.ts): written (or
// borderline, or related: written and linked to an earlier story), duplicate, off-topic with its
// reason, stale, or failed with the error's words.
import type { ArticleOutcome } from '../base/queues.js';
import { UrlLedger, type Bucket } from '../src/stats/url-ledger.js';
import type { Redis } from 'ioredis';
import type { Keys } from '../base/redis/keys.js';
import type { Logger } from '../base/logger.js';

/** What settling an outcome uses. */
export interface LedgerDeps {
  redis: Redis;
  keys: Keys;
  log: Logger;
}

export async function settleArticle(
  rt: LedgerDeps,
  sourceId: string,
  storyId: string,
  outcome: ArticleOutcome | null,
  error?: string,
): Promise<void> {
  const ledger = new UrlLedger(rt.redis, rt.keys);
  const settle = (bucket: Bucket, detail?: string) =>
    ledger.settle(sourceId, storyId, bucket, detail).catch((err: unknown) => {
      rt.log.warn({ err: String(err), storyId }, 'URL ledger not updated');
    });
  if (!outcome) return settle('failed', `extract: ${error ?? 'error'}`);
  switch (outcome.outcome) {
    case 'written':
      if (outcome.related) return settle('related', `${outcome.related.kind} of ${outcome.related.id}`);
      return settle(outcome.borderline ? 'borderline' : 'written');
    case 'duplicate':
      return settle('duplicate', `of ${outcome.duplicateOf}`);
    case 'off-topic':
      return settle('off-topic', outcome.reason);
    case 'stale':
      return settle('stale', outcome.reason);
    case 'already-written':
      return; // a repeat: the first attempt said it
    case 'rechecked':
      return; // the story's own fetch settled its URL
  }
}
