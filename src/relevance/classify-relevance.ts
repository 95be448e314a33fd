// Korea–US defence classifier over the weighted term lists in config/relevance.ts.
import { RELEVANCE } from '../../config/relevance.js';
import { PhraseMatcher } from './phrase-matcher.js';

type Group = 'korea' | 'us' | 'defence';

export interface RelevanceInput {
  title: string;
  lead: string | null;
  body: readonly string[];
}

export interface RelevanceResult {
  onTopic: boolean;
  score: number;
  /** Per group: did the article name it at all. */
  groups: Record<Group, number>;
  /** Strongest contributing terms, best first (for the manifest and `--show-skipped`). */
  topTerms: { term: string; score: number }[];
}

let matcher: PhraseMatcher<{ group: Group; weight: number }> | undefined;

function buildMatcher(): PhraseMatcher<{ group: Group; weight: number }> {
  const m = new PhraseMatcher<{ group: Group; weight: number }>();
  for (const group of ['korea', 'us', 'defence'] as const) {
    for (const [term, weight] of Object.entries(RELEVANCE[group].terms)) m.add(term, { group, weight });
  }
  for (const b of RELEVANCE.blockers) m.block(b);
  return m;
}

export function classifyRelevance(input: RelevanceInput): RelevanceResult {
  matcher ??= buildMatcher();
  const fields: [keyof typeof RELEVANCE.fieldWeights, string][] = [
    ['title', input.title],
    ['lead', input.lead ?? ''],
    ['body', input.body.join('\n')],
  ];
  const groups: Record<Group, number> = { korea: 0, us: 0, defence: 0 };
  const perTerm = new Map<string, number>();
  let score = 0;
  for (const [field, text] of fields) {
    const counts = new Map<string, number>();
    for (const hit of matcher.match(text)) {
      const n = (counts.get(hit.phrase) ?? 0) + 1;
      counts.set(hit.phrase, n);
      if (n > RELEVANCE.maxHitsPerTerm) continue;
      const s = hit.value.weight * RELEVANCE.fieldWeights[field];
      groups[hit.value.group] += s;
      score += s;
      perTerm.set(hit.phrase, (perTerm.get(hit.phrase) ?? 0) + s);
    }
  }
  const onTopic =
    groups.korea > 0 && groups.us > 0 && groups.defence >= RELEVANCE.minDefenceScore && score >= RELEVANCE.threshold;
  const topTerms = [...perTerm.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8)
    .map(([term, s]) => ({ term, score: s }));
  return { onTopic, score, groups, topTerms };
}
