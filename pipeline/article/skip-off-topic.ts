// An off-topic story: not written; recorded with its score and reason (skip-article.ts).
import type { Redis } from 'ioredis';
import type { ArticleOutcome } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import type { RelevanceResult } from '../../src/relevance/classify-relevance.js';
import type { ArticleContext } from './article-context.js';
import { skipArticle } from './skip-article.js';

export async function skipOffTopic(
  deps: { redis: Redis; keys: Keys },
  ctx: ArticleContext,
  relevance: RelevanceResult,
): Promise<ArticleOutcome> {
  const { data, article } = ctx;
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
  return skipArticle(deps, ctx, outcome, {
    score: relevance.score,
    top_terms: topTerms,
    profile: relevance.profile,
    reason: relevance.reason,
  });
}
