// Splits news text into sentences for the relevance classifier, which judges what each sentence
// relates. Excerpts and feeds often lose the space after a full stop ("…năm 2001.Boramae"), so a
// stop followed directly by a capital letter also ends a sentence; a stop inside a number
// (1.8, 2.200) does not.
import { foldTokensWithSpans } from '../text/vietnamese-fold.js';
import { shapeAt, type TokenShape } from './phrase-matcher.js';

const BOUNDARY = /(?<=[.!?…;])\s+(?=\S)|(?<=[.!?])(?=[\p{Lu}"“‘])|\s*[|\n]+\s*/u;

export function splitSentences(text: string): string[] {
  return text
    .split(BOUNDARY)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface TokenSentence {
  text: string;
  /** Folded syllables of the sentence and how each is written (phrase-matcher.ts). */
  tokens: string[];
  shapes: TokenShape[];
}

/**
 * The sentences of `text` with their tokens, cut from the tokens of the whole text: the learned
 * model's features fold the same paragraph (foldTokensWithSpans keeps the last few), so a story is
 * folded once, not once per paragraph and again per sentence. A boundary never falls inside a
 * token (it sits on spaces, stops or bars), so the tokens are those of the sentence alone.
 */
export function tokenSentences(text: string): TokenSentence[] {
  const nfc = text.normalize('NFC');
  const spans = foldTokensWithSpans(text);
  const out: TokenSentence[] = [];
  let k = 0;
  let from = 0;
  for (const s of splitSentences(nfc)) {
    const start = nfc.indexOf(s, from);
    const end = start + s.length;
    from = end;
    const tokens: string[] = [];
    const shapes: TokenShape[] = [];
    for (; k < spans.length && spans[k]!.start < end; k++) {
      if (spans[k]!.start < start) continue;
      tokens.push(spans[k]!.token);
      shapes.push(shapeAt(nfc, spans[k]!.start, spans[k]!.end));
    }
    out.push({ text: s, tokens, shapes });
  }
  return out;
}

/** The whole of `text` as one sentence, with its tokens. */
export function wholeSentence(text: string): TokenSentence {
  const nfc = text.normalize('NFC');
  const spans = foldTokensWithSpans(text);
  return { text, tokens: spans.map((t) => t.token), shapes: spans.map((t) => shapeAt(nfc, t.start, t.end)) };
}
