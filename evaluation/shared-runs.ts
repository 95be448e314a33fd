// Finds pairs of texts that may tell one story, in a corpus too large to compare every pair
// (VietNews: 144 000 texts, 86 M syllables). Two cheap signals, each read from an inverted index:
// - shared rare runs of eight syllables: a sentence copied or quoted (copies, trimmed and edited
//   copies, follow-ups repeating background). Only runs whose hash falls in one bucket of
//   RUN_SAMPLE are kept (the same runs in every text, so two texts sharing n runs share about
//   n / RUN_SAMPLE samples), and a run found in more than MAX_RUN_TEXTS texts is boilerplate;
// - shared rare names (a segmented, capitalised word of several syllables, "Nguyễn_Văn_An"):
//   independent reports of one event, which share actors but few sentences.
// A pair is a candidate when it shares enough of either; what it is, is the labeller's call.

/** One eight-syllable run in this many is kept (by its hash): the index stays small. */
export const RUN_SAMPLE = 16;
/** Syllables in a run: a run this long is a phrase written once, not a set phrase. */
export const RUN_LENGTH = 8;
/** A run or a name in more texts than this is boilerplate or a beat's everyday word. */
export const MAX_RUN_TEXTS = 10;
export const MAX_NAME_TEXTS = 6;
/** Shared sampled runs (about 3 × RUN_SAMPLE shared runs: two sentences) for a candidate. */
export const MIN_SHARED_RUNS = 3;
/** Shared rare names for a candidate. */
export const MIN_SHARED_NAMES = 2;

/** FNV-1a of a string: a stable 32-bit id (for each syllable; for sampling pairs by id). */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const NAME = /^\p{Lu}\p{Ll}*(?:[_-]\p{Lu}?\p{Ll}*)+$/u;
const WORD = /^[\p{L}\p{N}]/u;

interface Token {
  /** Ids of its lower-cased syllables; none for punctuation. */
  syllables: number[];
  /** A capitalised word of several syllables ("Nguyễn_Văn_An"). */
  name: boolean;
}

// What each distinct segmented token is, worked out once: the corpus has 86 M tokens but only a
// few hundred thousand distinct ones, and a regular expression per token took minutes.
const tokens = new Map<string, Token>();

function tokenOf(t: string): Token {
  let x = tokens.get(t);
  if (!x) {
    x = WORD.test(t)
      ? { syllables: t.toLowerCase().split('_').filter(Boolean).map(stableHash), name: t.includes('_') && NAME.test(t) }
      : { syllables: [], name: false };
    tokens.set(t, x);
  }
  return x;
}

export interface TextFeatures {
  /** Hashes of the text's eight-syllable runs that fall in the kept bucket, once each. */
  runs: number[];
  /** Its names, once each. */
  names: string[];
}

/**
 * The features of a word-segmented text ("Hàn_Quốc , Mỹ ."): syllables lower-cased, punctuation
 * left out. The corpus is one crawl's output, so the text is not re-normalised (NFC) here.
 */
export function textFeatures(segmented: string): TextFeatures {
  const ids: number[] = [];
  const names = new Set<string>();
  for (const t of segmented.split(/\s+/)) {
    if (!t) continue;
    const x = tokenOf(t);
    for (const id of x.syllables) ids.push(id);
    if (x.name) names.add(t);
  }
  const runs = new Set<number>();
  for (let i = 0; i + RUN_LENGTH <= ids.length; i++) {
    let h = 0x9e3779b9;
    for (let j = 0; j < RUN_LENGTH; j++) h = Math.imul(h ^ ids[i + j]!, 0x01000193) ^ (h >>> 15);
    if ((h >>> 0) % RUN_SAMPLE === 0) runs.add(h);
  }
  return { runs: [...runs], names: [...names] };
}

/**
 * Pairs of texts (by index, the smaller first) sharing at least `minShared` features, each
 * feature found in 2..maxTexts texts; with how many they share.
 */
export function sharedFeaturePairs<T>(
  features: readonly (readonly T[])[],
  maxTexts: number,
  minShared: number,
): { a: number; b: number; shared: number }[] {
  const postings = new Map<T, number[]>();
  features.forEach((fs, doc) => {
    for (const f of fs) {
      const list = postings.get(f);
      if (!list) postings.set(f, [doc]);
      else if (list.length <= maxTexts) list.push(doc);
    }
  });
  const n = features.length;
  const counts = new Map<number, number>();
  for (const docs of postings.values()) {
    if (docs.length < 2 || docs.length > maxTexts) continue;
    for (let i = 0; i < docs.length; i++)
      for (let j = i + 1; j < docs.length; j++) {
        const key = docs[i]! * n + docs[j]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  }
  const out: { a: number; b: number; shared: number }[] = [];
  for (const [key, shared] of counts) if (shared >= minShared) out.push({ a: Math.floor(key / n), b: key % n, shared });
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}
