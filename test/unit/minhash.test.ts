// MinHash fingerprints: estimates track the true Jaccard similarity, and keys are deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  exactKey,
  hashString,
  mix32,
  minhashSignature,
  shingleHashes,
  sketchOf,
} from '../../src/dedupe/minhash.js';
import { DEDUPE } from '../../config/dedupe.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { judgeSimilarity, matchingHashes } from '../../src/dedupe/same-story.js';

const estimate = (a: Buffer, b: Buffer): number => judgeSimilarity(matchingHashes(a, b), a.length, 500, 500).jaccard;

const words = (n: number, seed: number): string[] =>
  Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed) % 100_003}`);

function trueJaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/** The shingles as first written: a Set of every window's hash, in insertion order. */
function shingleSetReference(tokens: string[], size = 3): Set<number> {
  const th = tokens.map(hashString);
  const out = new Set<number>();
  if (th.length === 0) return out;
  const n = Math.min(size, th.length);
  for (let i = 0; i + n <= th.length; i++) {
    let h = 0x12345678;
    for (let j = 0; j < n; j++) h = mix32((h ^ th[i + j]!) + j);
    out.add(h);
  }
  return out;
}

describe('MinHash fingerprints', () => {
  it('shingles are the distinct window hashes, ascending: stored sketches stay valid (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('mỹ', 'hàn', 'quốc', 'phòng', 'thaad', '1', 'a'), { maxLength: 80 }),
        (t) => {
          const got = shingleHashes(t, 3);
          const want = [...shingleSetReference(t, 3)].sort((x, y) => x - y);
          expect([...got]).toEqual(want);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('estimates Jaccard similarity within ±0.15 of the truth (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (n, keep, seed) => {
          const base = words(n, seed);
          const cut = Math.floor(n * keep);
          const other = [...base.slice(0, cut), ...words(n - cut, seed + 1_000_003)];
          const a = shingleHashes(base);
          const b = shingleHashes(other);
          const est = estimate(sketchOf(minhashSignature(a)), sketchOf(minhashSignature(b)));
          // 256 hashes: standard error ≤ 0.031; 0.15 is beyond five of them.
          expect(Math.abs(est - trueJaccard(a, b))).toBeLessThan(0.15);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives identical texts identical sketches and band keys', () => {
    const a = fingerprint('Lead', ['Đoạn một về tập trận.', 'Đoạn hai về liên minh.']);
    const b = fingerprint('Lead', ['Đoạn một về tập trận.', 'Đoạn hai về liên minh.']);
    expect(a.sketch.equals(b.sketch)).toBe(true);
    expect(a.bands.map((x) => `${x.bucket}:${x.field.toString('hex')}`)).toEqual(
      b.bands.map((x) => `${x.bucket}:${x.field.toString('hex')}`),
    );
    expect(a.contentHash).toBe(b.contentHash);
  });

  it('ignores wire prefixes, tone placement and case in the exact hash', () => {
    const a = fingerprint('TTXVN - Hàn Quốc và Mỹ tập trận.', ['Quân đội hai nước hoà hợp.']);
    const b = fingerprint('hàn quốc và mỹ tập trận', ['Quân đội hai nước hòa hợp.']);
    expect(a.contentHash).toBe(b.contentHash);
  });

  it('keeps buckets inside 2^bits and fields the same width', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 50 }), (toks) => {
        const keys = bandKeys(minhashSignature(shingleHashes(toks)), 12);
        expect(keys).toHaveLength(DEDUPE.bands);
        for (const k of keys) {
          expect(k.bucket).toBeGreaterThanOrEqual(0);
          expect(k.bucket).toBeLessThan(4096);
          expect(k.field).toHaveLength(2);
        }
      }),
    );
    const x = exactKey('ffffffffffffffff', 12);
    expect(x.bucket).toBe(4095);
  });

  it('shingles are order-sensitive and an empty text has none', () => {
    expect(shingleHashes([])).toHaveLength(0);
    expect(shingleHashes(['a', 'b']).length).toBe(1);
    const ab = shingleHashes(['a', 'b', 'c', 'd']);
    const ba = shingleHashes(['d', 'c', 'b', 'a']);
    expect(trueJaccard(ab, ba)).toBe(0);
  });
});
