// Longest-match phrase matching over folded syllable tokens. Phrases are indexed by their first
// token, so the cost per token is one map lookup plus the few phrases sharing that start —
// independent of how many phrases there are in total.
//
// Words, not pieces of words. Vietnamese writes a word as several syllables, so a syllable cue can
// sit inside a compound of another meaning: "Nhật" (Japan) in "cập nhật" (update) or "nhật ký"
// (diary), "quân" (troops) in "bình quân" (average). Three things keep cues to whole words:
//   - a phrase written with a capital ("Nhật", "Hàn Quốc") is a proper noun and matches only a
//     capitalized word in the text: "cập nhật" and "nhật ký" never name Japan;
//   - a one-syllable proper noun inside a short run of all-capital words (a byline or photo
//     credit such as "NHẬT XUÂN") is a person's name, not the country; a headline in capitals is
//     longer than the run allowed;
//   - blockers (compounds listed in the profile: "bình quân", "Chủ nhật") hide their syllables.
import { foldTokens, foldTokensWithSpans } from '../text/vietnamese-fold.js';

export interface PhraseHit<T> {
  phrase: string;
  value: T;
  /** Token index where the hit starts. */
  start: number;
  length: number;
}

/** How a token is written: all lower case, capitalized, or all capitals (two letters or more). */
export type TokenShape = 'lower' | 'cap' | 'upper';

/** An all-capital run at most this long is a name (byline, credit), not a headline. */
export const NAME_RUN_MAX = 4;

interface Entry<T> {
  tokens: string[];
  phrase: string;
  value: T | null; // null = blocker
  /** Written capitalized: the text's first word must be too. */
  proper: boolean;
  /** A one-syllable proper noun written in mixed case ("Nhật", not "THAAD"): unsafe in a name run. */
  nameLike: boolean;
}

export function shapeOf(raw: string): TokenShape {
  return shapeAt(raw, 0, raw.length);
}

/** shapeOf(text.slice(start, end)) without the slice: every token of every story is read. */
export function shapeAt(text: string, start: number, end: number): TokenShape {
  const first = text.charAt(start);
  if (first === first.toLowerCase()) return 'lower';
  // All capitals needs two letters at least: "A" or "Đ" alone is a capital, not a run of them.
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = text.charAt(i);
    const lower = c.toLowerCase();
    if (lower === c.toUpperCase()) continue; // digit or mark
    if (c === lower) return 'cap';
    letters++;
  }
  return letters >= 2 ? 'upper' : 'cap';
}

/** Per token: whether it sits in a short run of all-capital words (a name, not a headline). */
function inNameRun(shapes: readonly TokenShape[]): boolean[] {
  const out = new Array<boolean>(shapes.length).fill(false);
  let i = 0;
  while (i < shapes.length) {
    if (shapes[i] !== 'upper') {
      i++;
      continue;
    }
    let j = i;
    while (j < shapes.length && shapes[j] === 'upper') j++;
    if (j - i <= NAME_RUN_MAX) for (let k = i; k < j; k++) out[k] = true;
    i = j;
  }
  return out;
}

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();

  add(phrase: string, value: T): this {
    return this.insert(phrase, value);
  }

  /** A phrase that, when it matches, hides its tokens from every other phrase (any case). */
  block(phrase: string): this {
    return this.insert(phrase, null);
  }

  private insert(phrase: string, value: T | null): this {
    const tokens = foldTokens(phrase);
    const first = tokens[0];
    if (first === undefined) throw new Error(`phrase has no letters: ${JSON.stringify(phrase)}`);
    const firstWord = phrase.trim().split(/[\s\-–]+/)[0] ?? '';
    const proper = value !== null && shapeOf(firstWord) !== 'lower';
    const nameLike = proper && tokens.length === 1 && shapeOf(firstWord) === 'cap';
    const list = this.byFirst.get(first) ?? [];
    list.push({ tokens, phrase, value, proper, nameLike });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.byFirst.set(first, list);
    return this;
  }

  /**
   * Non-overlapping hits, longest phrase first at each position. Without `shapes` (folded tokens
   * only) case is unknown and every phrase matches regardless of it.
   */
  matchTokens(tokens: readonly string[], shapes?: readonly TokenShape[]): PhraseHit<T>[] {
    const names = shapes ? inNameRun(shapes) : undefined;
    const fits = (c: Entry<T>, i: number): boolean => {
      if (!shapes || c.value === null) return true;
      if (c.proper && shapes[i] === 'lower') return false;
      return !(c.nameLike && names![i]);
    };
    const hits: PhraseHit<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const candidates = this.byFirst.get(tokens[i]!);
      let matched: Entry<T> | undefined;
      if (candidates) {
        for (const c of candidates) {
          if (c.tokens.every((t, k) => tokens[i + k] === t) && fits(c, i)) {
            matched = c;
            break;
          }
        }
      }
      if (!matched) {
        i++;
        continue;
      }
      if (matched.value !== null) {
        hits.push({ phrase: matched.phrase, value: matched.value, start: i, length: matched.tokens.length });
      }
      i += matched.tokens.length;
    }
    return hits;
  }

  match(text: string): PhraseHit<T>[] {
    const spans = foldTokensWithSpans(text);
    const nfc = text.normalize('NFC');
    return this.matchTokens(
      spans.map((s) => s.token),
      spans.map((s) => shapeAt(nfc, s.start, s.end)),
    );
  }
}
