// A story not written (off topic, stale): recorded for `tinwatch skipped` and the dashboard, its
// outcome kept, and its parked page released.
import type { Redis } from 'ioredis';
import type { ArticleOutcome } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import type { ArticleContext } from './article-context.js';
import { keepOutcome, parkedKeys } from './job-state.js';
import { recordSkipped, type SkippedArticle } from './skipped-articles.js';

export async function skipArticle(
  deps: { redis: Redis; keys: Keys },
  { data, source, article }: ArticleContext,
  outcome: ArticleOutcome,
  entry: Pick<SkippedArticle, 'score' | 'top_terms' | 'profile' | 'reason'>,
): Promise<ArticleOutcome> {
  // The entry, then the raw page's removal: issued in this order on one connection, they leave
  // in one write (coalesce-writes.ts) and Redis runs them in that order.
  const recorded = recordSkipped(deps.redis, deps.keys, {
    at: new Date().toISOString(),
    id: data.storyId,
    source_id: source.id,
    url: data.url,
    title: article.title,
    ...entry,
  });
  // The outcome is kept before the raw page goes: a repeat that finds the page gone finds it.
  await Promise.all([
    recorded,
    keepOutcome(deps.redis.multi(), deps.keys, data, outcome)
      .del(...parkedKeys(data))
      .exec(),
  ]);
  return outcome;
}
