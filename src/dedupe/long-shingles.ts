// "Shares sentences" against "shares phrases": a small sample of long shingles (runs of
// DEDUPE.longShingleSize syllables) kept per story. Two outlets rewording one press release share
// 3-syllable shingles — names, titles, figures, set phrases — so Jaccard and containment on those
// can call them one story; but they share few runs of eight syllables, while a copy, even trimmed
// or lightly edited, keeps most of the smaller text's long runs (whole sentences, bar an edit).
//
// The sample is a bottom-k one (Broder's consistent sampling): the k least hashes of the text's
// long shingles, so two texts sample the same shingles wherever both have them, and below the
// lower of the two cut-offs both samples are complete. Within that range the share of the smaller
// sample found in the other estimates the long-shingle containment of the smaller text. Only the
// high 16 bits of each hash are kept: order is what the sample needs, and 2 bytes a value keep the
// per-story record small (a chance equal value among k ≤ 64 is under 1 %).
// Chosen over winnowing (Schleimer et al. 2003: a fingerprint per window guarantees that a shared
// run is found, but the number kept grows with the text and gives no containment estimate) and
// over sentence hashes (an edited word or a different sentence split loses the whole sentence).
import { DEDUPE, type SameStoryRule } from '../../config/dedupe.js';
import { shingleHashes } from './minhash.js';

/**
 * The `k` least long-shingle hashes of the tokens, as their high 16 bits, ascending and distinct,
 * 2 bytes each big-endian. The claimant keeps DEDUPE.longSampleSent; the index stores the first
 * DEDUPE.longSampleKept (the bottom-k of a bottom-K sample is the bottom-k of the text).
 */
export function longShingleSample(
  tokens: readonly string[],
  k: number = DEDUPE.longSampleSent,
  size: number = DEDUPE.longShingleSize,
): Buffer {
  // Fewer tokens than one long shingle: no long run to share, an empty sample ("cannot tell").
  if (tokens.length < size) return Buffer.alloc(0);
  const hashes = shingleHashes(tokens, size); // ascending, distinct
  const out: number[] = [];
  for (let i = 0; i < hashes.length && out.length < k; i++) {
    const v = hashes[i]! >>> 16;
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  }
  const buf = Buffer.alloc(out.length * 2);
  out.forEach((v, i) => buf.writeUInt16BE(v, i * 2));
  return buf;
}

/** The part of a sample the index stores: its first `kept` values. */
export function storedSample(sample: Buffer, kept: number = DEDUPE.longSampleKept): Buffer {
  return sample.subarray(0, Math.min(sample.length, kept * 2));
}

/**
 * Estimated share of the smaller text's long shingles that are in the other text, from two
 * samples (each full when shorter than its `k`): the values at or under the lower of the two
 * cut-offs are a complete sample of both texts there. -1 when fewer than `minSample` values of the smaller side fall in that range: too few to say, and the caller must not decide
 * on it. The Lua twin is long_containment in lua/same-story.lua.
 */
export function longContainment(
  a: Buffer,
  kA: number,
  b: Buffer,
  kB: number,
  minSample: number = DEDUPE.minLongSample,
): number {
  const na = a.length >> 1;
  const nb = b.length >> 1;
  // A full sample is cut at its last value; a shorter one holds every long shingle of its text.
  const cutA = na >= kA ? a.readUInt16BE((na - 1) * 2) : 0xffff;
  const cutB = nb >= kB ? b.readUInt16BE((nb - 1) * 2) : 0xffff;
  const cut = Math.min(cutA, cutB);
  let i = 0;
  let j = 0;
  let inA = 0;
  let inB = 0;
  let both = 0;
  while (i < na || j < nb) {
    const x = i < na ? a.readUInt16BE(i * 2) : 0x10000;
    const y = j < nb ? b.readUInt16BE(j * 2) : 0x10000;
    const v = Math.min(x, y);
    if (v > cut) break;
    if (x === v) {
      inA++;
      i++;
    }
    if (y === v) {
      inB++;
      j++;
    }
    if (x === v && y === v) both++;
  }
  const small = Math.min(inA, inB);
  if (small < minSample) return -1;
  return both / small;
}

/**
 * Step 3b of the rule (same-story.ts): a pair the thresholds call the same story at a Jaccard
 * under longCheckMaxJaccard shares phrases, not sentences, when under minLongContainment of the
 * smaller text's long shingles are in the other (an estimate of -1, too few values, decides
 * nothing). Such a pair is not merged; the related step may still link it as same-event.
 */
export function sharesPhrasesOnly(
  jaccard: number,
  longC: number,
  rule: Pick<SameStoryRule, 'longCheckMaxJaccard' | 'minLongContainment'> = DEDUPE,
): boolean {
  return jaccard < rule.longCheckMaxJaccard && longC >= 0 && longC < rule.minLongContainment;
}

/** longContainment of a new text's sample (sent whole) against an indexed story's stored one. */
export function longContainmentOf(mine: Buffer, theirs: Buffer): number {
  return longContainment(mine, DEDUPE.longSampleSent, storedSample(theirs), DEDUPE.longSampleKept);
}
