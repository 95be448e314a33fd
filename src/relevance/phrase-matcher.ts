// Longest-match phrase matching over folded syllable tokens. Phrases are indexed by their first
// token, so the cost per token is one map lookup plus the few phrases sharing that start —
// independent of how many phrases there are in total.
import { foldTokens } from '../text/vietnamese-fold.js';

export interface PhraseHit<T> {
  phrase: string;
  value: T;
  /** Token index where the hit starts. */
  start: number;
  length: number;
}

interface Entry<T> {
  tokens: string[];
  phrase: string;
  value: T | null; // null = blocker
}

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();

  add(phrase: string, value: T): this {
    return this.insert(phrase, value);
  }

  /** A phrase that, when it matches, hides its tokens from every other phrase. */
  block(phrase: string): this {
    return this.insert(phrase, null);
  }

  private insert(phrase: string, value: T | null): this {
    const tokens = foldTokens(phrase);
    const first = tokens[0];
    if (first === undefined) throw new Error(`phrase has no letters: ${JSON.stringify(phrase)}`);
    const list = this.byFirst.get(first) ?? [];
    list.push({ tokens, phrase, value });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.byFirst.set(first, list);
    return this;
  }

  /** Non-overlapping hits, longest phrase first at each position. */
  matchTokens(tokens: readonly string[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const candidates = this.byFirst.get(tokens[i]!);
      let matched: Entry<T> | undefined;
      if (candidates) {
        for (const c of candidates) {
          if (c.tokens.every((t, k) => tokens[i + k] === t)) {
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
    return this.matchTokens(foldTokens(text));
  }
}
