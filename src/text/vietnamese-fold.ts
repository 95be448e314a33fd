// Folding of Vietnamese spelling variants for matching and dedupe keys (ARCHITECTURE.md, Vietnamese text).
// Two tone-mark placements exist (hoá/hóa, thuỷ/thủy) and i/y alternate (Mỹ/Mĩ, kỳ/kì). We fold
// each syllable to: its letters with vowel-quality marks kept (â ă ê ô ơ ư đ), tone marks
// removed, final consonant-preceded `y` turned into `i`, then the tone appended as one digit.
// So `hoá`, `hóa`, `HOÁ` and NFD input all give `hoa1`; `Mỹ` and `Mĩ` give `mi4`.

import { charClass, forEachRun } from './char-class.js';

const TONES: Record<string, string> = {
  '\u0300': '2', // huyền
  '\u0301': '1', // sắc
  '\u0303': '4', // ngã
  '\u0309': '3', // hỏi
  '\u0323': '5', // nặng
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

function foldSyllable(lowerNfd: string): string {
  let tone = '';
  let letters = '';
  for (const ch of lowerNfd) {
    const t = TONES[ch];
    if (t !== undefined) tone = t;
    else letters += ch;
  }
  let base = letters.normalize('NFC');
  // i/y: a final y after a consonant (or alone) is the same syllable as i: mỹ=mĩ, kỳ=kì, lý=lí.
  // After a vowel (ay, uy, ây) y is part of a diphthong and stays.
  if (base.endsWith('y')) {
    const before = base
      .slice(0, -1)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    const prev = before.at(-1);
    // In `quy` the u belongs to the onset `qu`, so the y stands alone (quý = quí).
    const alone = prev === undefined || !VOWELS.has(prev) || before === 'qu';
    if (alone) base = base.slice(0, -1) + 'i';
  }
  return tone ? base + tone : base;
}

/**
 * Splits text into folded syllable tokens. Tokens are runs of letters and digits (Unicode-aware,
 * never JavaScript's ASCII-only `\b`); punctuation and spaces separate them.
 */
export function foldTokens(text: string): string[] {
  return foldTokensWithSpans(text).map((t) => t.token);
}

const stripCache = new Map<string, string>();

/** Diacritic-free form of a folded token (opt-in matching only: `Mỹ` → `mi` collides). */
export function stripTone(token: string): string {
  let out = stripCache.get(token);
  if (out === undefined) {
    if (stripCache.size >= 200_000) stripCache.clear();
    out = token
      .replace(/[1-5]$/, '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd');
    stripCache.set(token, out);
  }
  return out;
}

/** The folded text as one string: tokens joined by single spaces. */
export function foldText(text: string): string {
  return foldTokens(text).join(' ');
}

export interface TokenSpan {
  token: string;
  /** Offsets into the NFC form of the input text. */
  start: number;
  end: number;
}

// Folding a syllable costs an NFD pass; news vocabulary is small (tens of thousands of distinct
// syllables), so folded forms are cached. The cache is dropped whole when it grows past its cap,
// which bounds memory in a long-lived worker.
const FOLD_CACHE_MAX = 200_000;
const foldCache = new Map<string, string>();

function foldCached(raw: string): string {
  let t = foldCache.get(raw);
  if (t === undefined) {
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    t = foldSyllable(raw.normalize('NFD').toLowerCase());
    foldCache.set(raw, t);
  }
  return t;
}

// Token characters are letters, marks and digits, found through a table (char-class.ts): with
// the regex's exec and a match array per token, tokenizing was a third of folding's time.
const tokenCharAt = charClass(/[\p{L}\p{M}\p{N}]/u);

// One article's title, lead and body are folded by the relevance classifier and again by the
// rule matcher: the last few results are kept (keyed by the text itself), enough for the
// articles a worker has in flight. Callers must not modify the returned arrays.
const RECENT_MAX = 64;
const recent = new Map<string, TokenSpan[]>();

/** foldTokens with each token's position in the NFC text, for highlighting matches. */
export function foldTokensWithSpans(text: string): TokenSpan[] {
  let spans = recent.get(text);
  if (spans === undefined) {
    spans = foldSpans(text);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(text, spans);
  }
  return spans;
}

function foldSpans(text: string): TokenSpan[] {
  const nfc = text.normalize('NFC');
  const out: TokenSpan[] = [];
  forEachRun(nfc, tokenCharAt, (start, end) => {
    out.push({ token: foldCached(nfc.slice(start, end)), start, end });
  });
  return out;
}
