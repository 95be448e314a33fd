// Near-duplicate fingerprints: MinHash over shingles of the folded, tone-stripped text, banded
// for LSH.
//
// Why MinHash-LSH and not 64-bit SimHash at Hamming ≤ 3: wire copy is republished with the last
// paragraph trimmed, the lead rewritten or a paragraph added — 10–60 % of the shingles change. A
// SimHash bit flips when the removed features outweigh its margin; with 20 % of the features gone
// about 8 of 64 bits flip on average, far past 3, so SimHash only catches copies changed by a few
// percent. MinHash estimates the Jaccard similarity itself, so the rule (same-story.ts) is a
// similarity that survives those edits, and the one-byte sketch kept per story verifies
// candidates closely enough that two write-ups of the same event are not merged.
import { DEDUPE } from '../../config/dedupe.js';

const HASHES = DEDUPE.hashes;

/** A 32-bit avalanche mixer (lowbias32): fast, and every input bit affects every output bit. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over the UTF-16 code units, then mixed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/**
 * Distinct shingle hashes of a token list (word n-grams; shorter texts give one shingle), in
 * ascending order. Sorted typed arrays rather than a Set: the same values, a third of the time.
 */
export function shingleHashes(tokens: readonly string[], size: number = DEDUPE.shingleSize): Uint32Array {
  if (tokens.length === 0) return new Uint32Array(0);
  const th = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) th[i] = hashString(tokens[i]!);
  const n = Math.min(size, th.length);
  const all = new Uint32Array(th.length - n + 1);
  for (let i = 0; i < all.length; i++) {
    let h = 0x12345678;
    for (let j = 0; j < n; j++) h = mix32((h ^ th[i + j]!) + j);
    all[i] = h;
  }
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  return all.subarray(0, distinct);
}

/** The MinHash signature: for each hash function, the least hash over the shingles. */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < HASHES; i++) {
      const v = mix32(x ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** One byte per hash function: the low byte of each minimum (same-story.ts corrects for chance). */
export function sketchOf(sig: Uint32Array): Buffer {
  const b = Buffer.alloc(sig.length);
  for (let i = 0; i < sig.length; i++) b[i] = sig[i]! & 0xff;
  return b;
}

export interface BandKey {
  /** Bucket number in [0, 2^bucketBits). */
  bucket: number;
  /**
   * 16 more bits of the band's hash, stored as the field inside the bucket: bucket and field
   * tell band values apart to 1 in 2^(bits+16). A chance match is a candidate the rule rejects;
   * two more bytes per band entry would cost more memory than it saves.
   */
  field: Buffer;
}

/** LSH band keys from the signature's first bands × rows values, hashed, split into bucket number and field. */
export function bandKeys(sig: Uint32Array, bucketBits: number = DEDUPE.bucketBits): BandKey[] {
  const out: BandKey[] = [];
  for (let b = 0; b < DEDUPE.bands; b++) {
    let h1 = mix32(0xb5ad4ece ^ b);
    let h2 = mix32(0x2545f491 ^ b);
    for (let r = 0; r < DEDUPE.rows; r++) {
      const v = sig[b * DEDUPE.rows + r]!;
      h1 = mix32(h1 ^ v);
      h2 = mix32(h2 ^ mix32(v + 0x6a09e667));
    }
    const field = Buffer.alloc(2);
    field.writeUInt16BE(h2 >>> 16);
    out.push({ bucket: h1 >>> (32 - bucketBits), field });
  }
  return out;
}

/**
 * Anchor keys: the `anchors` least shingle hashes (shingles come sorted), each re-mixed into a
 * bucket and field of the shared anchor buckets — re-mixed, or the least hashes would all fall
 * into bucket 0.
 */
export function anchorKeys(shingles: Uint32Array, bucketBits: number = DEDUPE.bucketBits): BandKey[] {
  const bits = bucketBits + DEDUPE.anchorExtraBits;
  const out: BandKey[] = [];
  for (let i = 0; i < Math.min(DEDUPE.anchors, shingles.length); i++) {
    const x = shingles[i]!;
    const field = Buffer.alloc(2);
    field.writeUInt16BE(mix32(x ^ 0x68e31da4) >>> 16);
    out.push({ bucket: mix32(x ^ 0x1b56c4e9) >>> (32 - bits), field });
  }
  return out;
}

/** The exact-text layer in the same layout: the content hash (16 hex) as bucket + field. */
export function exactKey(contentHash: string, bucketBits: number = DEDUPE.bucketBits): BandKey {
  const hi = parseInt(contentHash.slice(0, 8), 16) >>> 0;
  const field = Buffer.alloc(5);
  field.writeUInt32BE(parseInt(contentHash.slice(8, 16), 16) >>> 0);
  field[4] = hi & 0xff;
  return { bucket: hi >>> (32 - bucketBits), field };
}
