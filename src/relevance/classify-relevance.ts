// Decides whether a story is *about* a topic's relationship (by default the Korea–US defence
// alliance). The hand-written rules (rule-relevance.ts) judge every story; when the profile ships
// a learned model (config/topics/NAME.model.json) the model decides, reading the rules' verdict
// among its features, and the rules' reason stays in the result beside the model's figures. A
// story shorter than the model's texts (a headline alone, a feed snippet) is left to the rules.
import { relevanceModel, type RelevanceModel } from '../../config/load-relevance-model.js';
import { DEFAULT_TOPIC, topicProfile } from '../../config/load-topics.js';
import { judgeLearned } from './learned-relevance.js';
import type { RelevanceInput, RelevanceResult } from './relevance-types.js';
import { classifyByRules } from './rule-relevance.js';
import { foldTokensWithSpans } from '../text/vietnamese-fold.js';

/** Syllables of the whole story: the model judges only stories as long as those it learned from. */
export function syllableCount(input: RelevanceInput): number {
  let n = foldTokensWithSpans(input.title).length + (input.lead ? foldTokensWithSpans(input.lead).length : 0);
  for (const p of input.body) n += foldTokensWithSpans(p).length;
  return n;
}

export type { LearnedJudgement, RelevanceInput, RelevanceResult, RelevanceVerdict } from './relevance-types.js';

export function classifyRelevance(
  input: RelevanceInput,
  profileName = DEFAULT_TOPIC,
  opts: { explain?: boolean; model?: RelevanceModel | null } = {},
): RelevanceResult {
  const profile = topicProfile(profileName);
  const rules = classifyByRules(input, profile.name, opts);
  const model = opts.model === undefined ? relevanceModel(profile.name) : opts.model;
  if (!model || syllableCount(input) < model.minSyllables) return rules;
  const { verdict, learned } = judgeLearned(input, rules, profile, model);
  const p = learned.probability.toFixed(3);
  const said =
    verdict === 'on'
      ? `on topic (p ${p} ≥ ${learned.onFrom})`
      : verdict === 'borderline'
        ? `borderline (p ${p}, on from ${learned.onFrom})`
        : learned.probability < learned.borderlineFrom
          ? `off topic (p ${p} < ${learned.borderlineFrom})`
          : // The gate: the pair not both named, or no rule cue (learned-relevance.ts, learnedVerdict).
            `off topic (p ${p} ≥ ${learned.borderlineFrom}, held off by the rules)`;
  return {
    ...rules,
    onTopic: verdict !== 'off',
    verdict,
    borderline: verdict === 'borderline',
    // The probability in percent: the figure the decision was taken on, in the manifest and skip log.
    score: Math.round(learned.probability * 1000) / 10,
    reason: `${said}; rules: ${rules.verdict}, ${rules.reason}`,
    // topTerms stay the cues the story names (what `tinwatch skipped` lists); the model's deciding
    // features are in `learned` and printed by `relevance explain`.
    learned,
  };
}
