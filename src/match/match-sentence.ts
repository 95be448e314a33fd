// The sentence that made a rule match, with the matched phrases as ranges inside it: what an
// alert quotes and `alerts test` shows.
import { fieldText, type MatchableArticle, type MatchSpan } from './matchable.js';

export interface AlertMatch {
  field: 'title' | 'lead' | 'body';
  sentence: string;
  /** [start, end) ranges inside `sentence` to highlight. */
  ranges: [number, number][];
  phrases: string[];
}

const SENTENCE_END = /[.!?…]["”’)]?(?=\s)|\n/g;

/** The sentence of `text` around the first span, with every span inside it as a range. */
export function matchSentence(text: string, spans: readonly MatchSpan[]): AlertMatch | null {
  const first = spans[0];
  if (!first) return null;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    const stop = m.index + m[0].length;
    if (stop <= first.start) start = stop;
    else if (m.index >= first.end) {
      end = stop;
      break;
    }
  }
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const sentence = raw.trim();
  const offset = start + lead;
  const ranges = spans
    .filter((s) => s.field === first.field && s.start >= offset && s.end <= offset + sentence.length)
    .map((s) => [s.start - offset, s.end - offset] as [number, number]);
  return { field: first.field, sentence, ranges, phrases: [...new Set(spans.map((s) => s.phrase))] };
}

/** The sentence an alert quotes for a match: the one around its first span, in that span's field. */
export function quotedSentence(article: MatchableArticle, spans: readonly MatchSpan[]): AlertMatch | null {
  const first = spans[0];
  return first ? matchSentence(fieldText(article, first.field), spans) : null;
}

/** The sentence with each range wrapped by `mark` (and the text between ranges by `plain`). */
export function markRanges(
  m: Pick<AlertMatch, 'sentence' | 'ranges'>,
  mark: (s: string) => string,
  plain: (s: string) => string = (s) => s,
): string {
  let out = '';
  let at = 0;
  for (const [a, b] of m.ranges) {
    if (a < at) continue;
    out += plain(m.sentence.slice(at, a)) + mark(m.sentence.slice(a, b));
    at = b;
  }
  return out + plain(m.sentence.slice(at));
}
