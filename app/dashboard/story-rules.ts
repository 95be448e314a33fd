// The rules a story fired, each with the sentence it matches in today (the rule as now written;
// one since removed from the watchlist is listed by name alone).
import type { RuleConfig } from '../../config/watchlist-schema.js';
import { articleFromText } from '../../src/match/explain-rule.js';
import { quotedSentence } from '../../src/match/match-sentence.js';
import { RuleMatcher } from '../../src/match/rule-matcher.js';
import type { StoryRule } from './story-page.js';

export function storyRules(rules: readonly RuleConfig[], fired: readonly string[], text: string): StoryRule[] {
  const article = articleFromText(text);
  return fired.map((name) => {
    const rule = rules.find((r) => r.name === name);
    if (!rule) return { name, query: '(no longer in the watchlist)', match: null };
    const [m] = new RuleMatcher([rule]).match(article);
    return { name, query: rule.query, match: m ? quotedSentence(article, m.spans) : null };
  });
}
