// `tinwatch alerts test`: whether a rule matches an article, and why — each phrase of the query
// with where it was (or was not) found, and the sentence an alert would quote.
import type { RuleConfig } from '../../config/watchlist-schema.js';
import { markRanges, quotedSentence } from './match-sentence.js';
import { conceptsOf, parseQuery, phrasesOf } from '../../config/query-language.js';
import type { MatchableArticle } from './matchable.js';
import { RuleMatcher } from './rule-matcher.js';

export function explainRule(rule: RuleConfig, article: MatchableArticle): string {
  const lines: string[] = [];
  const [match] = new RuleMatcher([rule]).match(article);
  lines.push(`rule ${rule.name}: ${match ? 'MATCH' : 'no match'}`);
  lines.push(`  query: ${rule.query}`);
  lines.push(`  fields: ${rule.fields.join(', ')}${rule.diacriticFree ? ' (diacritic-free)' : ''}`);
  for (const phrase of [...new Set(phrasesOf(parseQuery(rule.query)))]) {
    const probe: RuleConfig = { ...rule, name: 'probe', query: `"${phrase.replace(/"/g, '')}"` };
    const [hit] = new RuleMatcher([probe]).match(article);
    const where = hit ? hit.spans.map((s) => `${s.field}@${s.start} "${s.text}"`).join(', ') : 'not found';
    lines.push(`  "${phrase}": ${where}`);
  }
  for (const name of conceptsOf(parseQuery(rule.query))) {
    const probe: RuleConfig = { ...rule, name: 'probe', query: `@${name}` };
    const [hit] = new RuleMatcher([probe]).match(article);
    const spans = hit?.spans ?? [];
    lines.push(`  @${name}: ${spans.length ? 'found' : 'not found'}`);
    for (const entry of rule.concepts[name]?.entries ?? []) {
      const found = spans.filter((s) => s.phrase === entry.text);
      if (found.length)
        lines.push(`    ${entry.text}: ${found.map((s) => `${s.field}@${s.start} "${s.text}"`).join(', ')}`);
    }
  }
  if (match) {
    const m = quotedSentence(article, match.spans);
    if (m) lines.push(`  alert quotes (${m.field}): ${markRanges(m, (x) => `«${x}»`)}`);
  }
  return lines.join('\n');
}

/** Reads a text file in the output format (title, blank line, lead, paragraphs) as an article. */
export function articleFromText(text: string): MatchableArticle {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const [title = '', lead = null, ...body] = blocks;
  return { title, lead, body };
}
