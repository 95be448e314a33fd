// The learned relevance model's judgement: logistic regression over the features of
// relevance-features.ts, weights from config/topics/NAME.model.json (npm run train:relevance).
// Why learned: rules written against one set of texts fit those texts and miss the classes they
// were not written for (issue 33); the model's figures are cross-validated by story
// (npm run eval:relevance, docs/relevance.md) and it still reads the rules' verdict as features.
import type { RelevanceModel } from '../../config/load-relevance-model.js';
import type { TopicProfile } from '../../config/topic-schema.js';
import { relevanceFeatures } from './relevance-features.js';
import type { LearnedJudgement, RelevanceInput, RelevanceResult, RelevanceVerdict } from './relevance-types.js';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** How many features `relevance explain` and the skip record name. */
const SHOWN = 8;

/**
 * A feature name as a reader sees it: `w:head:tập trận` → `headline "tập trận"`,
 * `x:all:pair+act` → `story sentences: pair+act`, `subj:title:north-korea` → `title subject: north-korea`.
 */
export function featureLabel(name: string): string {
  const [kind, zone, ...rest] = name.split(':');
  const where = zone === 'head' ? 'headline' : 'story';
  if (kind === 'w') return `${where} "${rest.join(':')}"`;
  if (kind === 'cue') return `${where} cues ${rest.join(' ')}`;
  if (kind === 'x') return `${where} sentences: ${rest.join(':')}`;
  if (kind === 'subj') return `${zone} subject: ${rest.join(':')}`;
  return name;
}

/**
 * Gates on the probability, both from the topic's definition rather than tuned:
 *   - the topic is the pair's relationship: a story that names neither the relation nor both allies
 *     (by any cue) is off whatever the probability; every ON development text names them, and
 *     without the gate unrelated news (prices, weather) landed in the low borderline band;
 *   - the borderline band is for stories where the rules found the relation stated at least once
 *     (rules score > 0); a story naming both allies with no defence act together (a K-pop tour
 *     with a US leg) is off unless the model itself is sure enough to say on.
 */
export function learnedVerdict(
  probability: number,
  gate: { pairNamed: boolean; rulesScore: number },
  t: { onFrom: number; borderlineFrom: number },
): RelevanceVerdict {
  if (!gate.pairNamed) return 'off';
  if (probability >= t.onFrom) return 'on';
  return probability >= t.borderlineFrom && gate.rulesScore > 0 ? 'borderline' : 'off';
}

/** The `size` largest contributions offered (by magnitude), largest first. */
class Strongest {
  private readonly kept: { at: number; weight: number }[] = [];
  constructor(private readonly size: number) {}

  offer(at: number, weight: number): void {
    const k = this.kept;
    if (k.length === this.size && weight <= k[k.length - 1]!.weight) return;
    let i = k.length;
    while (i > 0 && k[i - 1]!.weight < weight) i--;
    k.splice(i, 0, { at, weight });
    if (k.length > this.size) k.pop();
  }

  top(n: number): { at: number; weight: number }[] {
    return this.kept.slice(0, n);
  }
}

export function judgeLearned(
  input: RelevanceInput,
  rules: RelevanceResult,
  profile: TopicProfile,
  model: RelevanceModel,
): { verdict: RelevanceVerdict; learned: LearnedJudgement } {
  const f = relevanceFeatures(input, rules, profile, model.dim);
  let z = 0;
  // The features that decided: the strongest pushing toward the verdict, then the strongest
  // against it (what kept a borderline story from on, or an off one from the band). A whole
  // article has thousands of features: the few shown are kept as they come, never sorted all.
  const pos = new Strongest(SHOWN - 3);
  const neg = new Strongest(SHOWN - 3);
  for (let i = 0; i < f.index.length; i++) {
    const c = model.weights[f.index[i]!]! * f.value[i]!;
    z += c;
    if (i === 0 || c === 0) continue; // feature 0 is the bias
    if (c > 0) pos.offer(i, c);
    else neg.offer(i, -c);
  }
  const probability = sigmoid(z);
  const verdict = learnedVerdict(probability, { pairNamed: f.pairNamed, rulesScore: rules.score }, model);
  // Contributions were kept by magnitude: the sign says which way each pushed.
  const [toward, against] = verdict === 'off' ? [neg, pos] : [pos, neg];
  const sign = verdict === 'off' ? -1 : 1;
  const shown = [
    ...toward.top(SHOWN - 3).map((p) => ({ at: p.at, weight: sign * p.weight })),
    ...against.top(3).map((p) => ({ at: p.at, weight: -sign * p.weight })),
  ];
  const features = shown.map((p) => ({
    feature: featureLabel(f.name(p.at)),
    weight: Math.round(p.weight * 1000) / 1000,
  }));
  return {
    verdict,
    learned: {
      probability: Math.round(probability * 1000) / 1000,
      onFrom: model.onFrom,
      borderlineFrom: model.borderlineFrom,
      features,
    },
  };
}
