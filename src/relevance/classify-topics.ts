// Every enabled topic profile judges the story; it is written when one of them says on or
// borderline, and the strongest verdict is the one the manifest and `tinwatch skipped` explain.
import { enabledTopicProfiles } from '../../config/load-topics.js';
import { classifyRelevance, type RelevanceInput, type RelevanceResult } from './classify-relevance.js';

export interface TopicsResult {
  /** The strongest verdict: on before borderline before off, then the higher score. */
  best: RelevanceResult;
  /** Profiles whose verdict is on or borderline (rules scoped to a profile fire only for these). */
  matched: Set<string>;
  byProfile: Record<string, RelevanceResult['verdict']>;
}

const RANK = { on: 2, borderline: 1, off: 0 } as const;

export function classifyTopics(input: RelevanceInput): TopicsResult {
  const results = enabledTopicProfiles().map((p) => classifyRelevance(input, p.name));
  const best = results.reduce((a, b) =>
    RANK[b.verdict] > RANK[a.verdict] || (RANK[b.verdict] === RANK[a.verdict] && b.score > a.score) ? b : a,
  );
  return {
    best,
    matched: new Set(results.filter((r) => r.onTopic).map((r) => r.profile)),
    byProfile: Object.fromEntries(results.map((r) => [r.profile, r.verdict])),
  };
}
