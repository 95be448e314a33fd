// Everything the dedupe index needs from one article's text, computed once per article.
import { DEDUPE } from '../../config/dedupe.js';
import { contentKeyTokens, hashOfKeyText } from './content-hash.js';
import { leadTextOf, storyFacts, type StoryFacts } from './lead-facts.js';
import { leadPositionsOf } from './restated-lead.js';
import { foldTokens, stripTone } from '../text/vietnamese-fold.js';
import { longShingleSample } from './long-shingles.js';
import {
  anchorKeys,
  bandKeys,
  exactKey,
  hashString,
  minhashSignature,
  shingleHashes,
  sketchOf,
  type BandKey,
} from './minhash.js';

export interface Fingerprint {
  /** sha256 prefix of the normalized text (exact layer; also written to the manifest). */
  contentHash: string;
  /** Distinct shingles: the set size behind the containment estimate and the short-text floor. */
  shingles: number;
  /** One byte per MinHash function, kept per story to verify candidates. */
  sketch: Buffer;
  /**
   * A short text's numbers (dates, counts, amounts) as sorted 16-bit hashes, 4 hex digits each;
   * empty for longer texts. Short templated pieces differ in little else (same-story.ts).
   */
  numbers: string;
  /** What the title and lead state, and every fact of the text (lead-facts.ts). */
  facts: StoryFacts;
  /**
   * One byte per hash function, 1 where the text's minimum is a shingle of its lead: how much of
   * the lead an indexed story holds (restated-lead.ts). Sent with a claim, not stored.
   */
  leadPositions: Buffer;
  /**
   * The least long-shingle hashes (long-shingles.ts), 2 bytes each: sent whole with a claim, the
   * index keeps the first DEDUPE.longSampleKept. Tells a copy from a rewording at low Jaccard.
   */
  longSample: Buffer;
  exact: BandKey;
  bands: BandKey[];
  /** Bottom-k shingles as keys of the shared anchor buckets (minhash.ts anchorKeys). */
  anchors: BandKey[];
  /** Bucket bits the keys were cut with; the index refuses a fingerprint cut differently. */
  bucketBits: number;
}

/**
 * `title` feeds only the facts (its numbers): the shingles and the exact hash leave it out, as
 * republishers rewrite titles. Without a lead, the first body block stands for it. `published`
 * (ISO 8601, when the outlet says) only dates the text's "hôm nay" among its known facts.
 */
export function fingerprint(
  lead: string | null,
  body: readonly string[],
  bucketBits: number = DEDUPE.bucketBits,
  title = '',
  published: string | null = null,
): Fingerprint {
  const tokens = contentKeyTokens(lead, body);
  const text = tokens.join(' ');
  // Shingles drop tones and vowel marks: apps, aggregators and some feeds strip diacritics, and a
  // stripped copy must share its shingles with the original. Three syllables of context keep
  // the collisions this makes (mỹ/mì/mi) from making different texts alike.
  const toneless = tokens.map(stripTone);
  const sh = shingleHashes(toneless);
  const sig = minhashSignature(sh);
  const hash = hashOfKeyText(text);
  const leadTokens = foldTokens(leadTextOf(lead, body)).map(stripTone);
  return {
    contentHash: hash,
    shingles: sh.length,
    numbers: sh.length < DEDUPE.shortTextShingles ? numbersOf(tokens) : '',
    facts: storyFacts(title, lead, body, published),
    leadPositions: leadPositionsOf(sig, leadTokens),
    longSample: longShingleSample(toneless),
    sketch: sketchOf(sig),
    exact: exactKey(hash, bucketBits),
    bands: bandKeys(sig, bucketBits),
    anchors: anchorKeys(sh, bucketBits),
    bucketBits,
  };
}

function numbersOf(tokens: readonly string[]): string {
  const hashes = new Set<number>();
  for (const t of tokens) if (/^\d+$/.test(t)) hashes.add(hashString(t.replace(/^0+(?=\d)/, '')) & 0xffff);
  return [...hashes]
    .sort((a, b) => a - b)
    .slice(0, DEDUPE.maxNumbers)
    .map((h) => h.toString(16).padStart(4, '0'))
    .join('');
}
