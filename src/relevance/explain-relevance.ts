// `tinwatch relevance explain`: every enabled topic profile's verdict on one article, in words:
// the learned model's probability and the features that decided (when the profile ships a model),
// the rules' figures, and the sentences that state the relation.
import { enabledTopicProfiles, topicProfile } from '../../config/load-topics.js';
import { classifyRelevance, type RelevanceInput } from './classify-relevance.js';
import { classifyByRules } from './rule-relevance.js';

export function explainRelevance(input: RelevanceInput, profiles = enabledTopicProfiles().map((p) => p.name)): string {
  const out: string[] = [];
  for (const name of profiles) {
    const p = topicProfile(name);
    const r = classifyRelevance(input, name, { explain: true });
    out.push(`${r.profile}: ${r.verdict.toUpperCase()} — ${r.reason}`);
    if (r.learned) {
      const l = r.learned;
      out.push(
        `  model: probability ${l.probability} (on at ≥ ${l.onFrom}, borderline from ${l.borderlineFrom})`,
        `  features that decided (+ toward on, − toward off): ${l.features.map((f) => `${f.feature} ${f.weight > 0 ? '+' : ''}${f.weight}`).join(', ')}`,
      );
    }
    const rules = r.learned ? classifyByRules(input, name) : r;
    out.push(
      `  rules: score ${rules.score} (on at ≥ ${p.threshold}, borderline from ${p.threshold - p.borderline}); title/lead relation ${rules.leadRelation} (subject at ≥ ${p.leadThreshold}); share ${rules.share} (subject at ≥ ${p.minShare})`,
      `  cues: ${rules.topTerms.map((t) => `${t.term} ${t.score}`).join(', ') || 'none'}`,
    );
    for (const e of r.evidence ?? [])
      out.push(
        `  ${e.position} ×${e.weight}, relation ${e.relation}: ${e.text.length > 160 ? `${e.text.slice(0, 157)}…` : e.text}`,
      );
  }
  return out.join('\n');
}
