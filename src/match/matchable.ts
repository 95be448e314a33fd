// What a watch rule is matched against (title, lead, body) and what a match reports: the spans of
// the field's text each phrase covered.
import type { RuleConfig } from '../../config/watchlist-schema.js';

export type Field = 'title' | 'lead' | 'body';

export interface MatchableArticle {
  title: string;
  lead: string | null;
  body: readonly string[];
}

export interface MatchSpan {
  field: Field;
  /** Offsets into the field's NFC text (body paragraphs joined with \n). */
  start: number;
  end: number;
  text: string;
  /** The query's phrase, or for a concept the line of its file whose spelling matched. */
  phrase: string;
  /** The concept whose spelling this is (absent for a query phrase). */
  concept?: string;
}

export interface RuleMatch {
  rule: RuleConfig;
  spans: MatchSpan[];
}

export function fieldText(a: MatchableArticle, f: Field): string {
  return (f === 'title' ? a.title : f === 'lead' ? (a.lead ?? '') : a.body.join('\n')).normalize('NFC');
}
