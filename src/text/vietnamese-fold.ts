// Folding of Vietnamese spelling variants for matching and dedupe keys (DESIGN.md §3).
// Two tone-mark placements exist (hoá/hóa, thuỷ/thủy) and i/y alternate (Mỹ/Mĩ, kỳ/kì). We fold
// each syllable to: its letters with vowel-quality marks kept (â ă ê ô ơ ư đ), tone marks
// removed, final consonant-preceded `y` turned into `i`, then the tone appended as one digit.
// So `hoá`, `hóa`, `HOÁ` and NFD input all give `hoa1`; `Mỹ` and `Mĩ` give `mi4`.

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
  const nfd = text.normalize('NFD').toLocaleLowerCase('vi');
  const out: string[] = [];
  for (const m of nfd.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    out.push(foldSyllable(m[0]));
  }
  return out;
}

/** Diacritic-free form of a folded token (opt-in matching only: `Mỹ` → `mi` collides). */
export function stripTone(token: string): string {
  return token
    .replace(/[1-5]$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
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

/** foldTokens with each token's position in the NFC text, for highlighting matches. */
export function foldTokensWithSpans(text: string): TokenSpan[] {
  const nfc = text.normalize('NFC');
  const out: TokenSpan[] = [];
  for (const m of nfc.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const token = foldSyllable(m[0].normalize('NFD').toLocaleLowerCase('vi'));
    out.push({ token, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
