// `tinwatch relevance explain`: every enabled topic profile's verdict on one article, in words,
// with the sentences that state the relation.
import { enabledTopicProfiles, topicProfile } from '../../config/load-topics.js';
import { classifyRelevance, type RelevanceInput } from './classify-relevance.js';

export function explainRelevance(input: RelevanceInput, profiles = enabledTopicProfiles().map((p) => p.name)): string {
  const out: string[] = [];
  for (const name of profiles) {
    const p = topicProfile(name);
    const r = classifyRelevance(input, name, { explain: true });
    out.push(
      `${r.profile}: ${r.verdict.toUpperCase()} — ${r.reason}`,
      `  score ${r.score} (on at ≥ ${p.threshold}, borderline from ${p.threshold - p.borderline}); title/lead relation ${r.leadRelation} (subject at ≥ ${p.leadThreshold}); share ${r.share} (subject at ≥ ${p.minShare})`,
      `  cues: ${r.topTerms.map((t) => `${t.term} ${t.score}`).join(', ') || 'none'}`,
    );
    for (const e of r.evidence ?? [])
      out.push(
        `  ${e.position} ×${e.weight}, relation ${e.relation}: ${e.text.length > 160 ? `${e.text.slice(0, 157)}…` : e.text}`,
      );
  }
  return out.join('\n');
}
