// An off-topic story: not written; recorded with its score and reason for `tinwatch skipped`
// and the dashboard, and its parked page released.
import type { Redis } from 'ioredis';
import type { ArticleOutcome } from '../queues.js';
import type { Keys } from '../redis/keys.js';
import type { RelevanceResult } from '../relevance/classify-relevance.js';
import type { ArticleContext } from './article-context.js';
import { keepOutcome, parkedKeys } from './job-state.js';
import { recordSkipped } from './skipped-articles.js';

export async function skipOffTopic(
  deps: { redis: Redis; keys: Keys },
  { data, source, article }: ArticleContext,
  relevance: RelevanceResult,
): Promise<ArticleOutcome> {
  const topTerms = relevance.topTerms.map((x) => x.term);
  const outcome: ArticleOutcome = {
    outcome: 'off-topic',
    storyId: data.storyId,
    score: relevance.score,
    title: article.title,
    url: data.url,
    topTerms,
    reason: relevance.reason,
  };
  // The entry, then the raw page's removal: issued in this order on one connection, they leave
  // in one write (coalesce-writes.ts) and Redis runs them in that order.
  const recorded = recordSkipped(deps.redis, deps.keys, {
    at: new Date().toISOString(),
    id: data.storyId,
    source_id: source.id,
    url: data.url,
    title: article.title,
    score: relevance.score,
    top_terms: topTerms,
    profile: relevance.profile,
    reason: relevance.reason,
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
