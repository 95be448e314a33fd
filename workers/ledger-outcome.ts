// An article job's outcome as the URL ledger's bucket (src/stats/url-ledger.ts): written (or
// borderline), duplicate, off-topic with its reason, stale, or failed with the error's words.
import type { ArticleOutcome } from '../base/queues.js';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { UrlLedger, type Bucket } from '../src/stats/url-ledger.js';

export async function settleArticle(
  rt: Runtime,
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
      return settle(outcome.borderline ? 'borderline' : 'written');
    case 'duplicate':
      return settle('duplicate', `of ${outcome.duplicateOf}`);
    case 'off-topic':
      return settle('off-topic', outcome.reason);
    case 'stale':
      return settle('stale', outcome.reason);
    case 'already-written':
      return; // a repeat: the first attempt said it
  }
}
