// The long-shingle sample (long-shingles.ts): a bottom-k sample that tells a text sharing whole
// runs with another (a copy) from one sharing only short phrases (a rewording).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEDUPE } from '../../config/dedupe.js';
import {
  longContainment,
  longContainmentOf,
  longShingleSample,
  sharesPhrasesOnly,
  storedSample,
} from '../../src/dedupe/long-shingles.js';

const valuesOf = (b: Buffer): number[] => Array.from({ length: b.length / 2 }, (_, i) => b.readUInt16BE(i * 2));

/** Random texts over a small vocabulary: syllables repeat, as in real prose. */
const tokens = (min: number, max: number) =>
  fc.array(
    fc.integer({ min: 0, max: 400 }).map((n) => `s${n}`),
    { minLength: min, maxLength: max },
  );

const SENT = DEDUPE.longSampleSent;
const KEPT = DEDUPE.longSampleKept;

describe('longShingleSample', () => {
  it('is ascending and distinct, at most k values, and empty under one long shingle (property)', () => {
    fc.assert(
      fc.property(tokens(0, 600), fc.integer({ min: 1, max: 300 }), (ts, k) => {
        const v = valuesOf(longShingleSample(ts, k));
        expect(v.length).toBeLessThanOrEqual(k);
        for (let i = 1; i < v.length; i++) expect(v[i]!).toBeGreaterThan(v[i - 1]!);
        if (ts.length < DEDUPE.longShingleSize) expect(v).toEqual([]);
        else expect(v.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('a smaller sample is the start of a larger one, so the index can keep a prefix (property)', () => {
    fc.assert(
      fc.property(tokens(8, 600), fc.integer({ min: 1, max: 100 }), (ts, k) => {
        expect(storedSample(longShingleSample(ts, SENT), k)).toEqual(longShingleSample(ts, k));
      }),
      { numRuns: 100 },
    );
  });
});

describe('longContainment', () => {
  it('is 1 for a text inside another, whatever was added around it (property)', () => {
    fc.assert(
      fc.property(tokens(150, 500), tokens(0, 500), tokens(0, 100), (core, after, before) => {
        const small = longShingleSample(core);
        const large = longShingleSample([...before, ...core, ...after]);
        const c = longContainment(small, SENT, storedSample(large), KEPT);
        const back = longContainment(large, SENT, storedSample(small), KEPT);
        // Too few values in the common range say nothing; otherwise every one is shared.
        expect([1, -1]).toContain(c);
        expect([1, -1]).toContain(back);
      }),
      { numRuns: 100 },
    );
  });

  it('is symmetric in its two samples (property)', () => {
    fc.assert(
      fc.property(tokens(0, 400), tokens(0, 400), fc.integer({ min: 4, max: 64 }), (x, y, k) => {
        const [a, b] = [longShingleSample(x, k), longShingleSample(y, k)];
        expect(longContainment(a, k, b, k)).toBe(longContainment(b, k, a, k));
      }),
      { numRuns: 200 },
    );
  });

  it('says nothing (-1) on too few values, and 0 between texts with no run in common', () => {
    const a = Array.from({ length: 300 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 300 }, (_, i) => `b${i}`);
    expect(longContainment(longShingleSample(a), SENT, storedSample(longShingleSample(b)), KEPT)).toBe(0);
    const short = a.slice(0, DEDUPE.longShingleSize + 2); // three long shingles
    expect(longContainment(longShingleSample(short), SENT, storedSample(longShingleSample(a)), KEPT)).toBe(-1);
  });

  it('keeps a trimmed copy high and a rewording low, where 3-syllable shingles share about as much', () => {
    // An invented text of 600 syllables in sentences of 12.
    const text = Array.from({ length: 600 }, (_, i) => `t${(i * 37) % 997}`);
    // A trimmed copy: the first two thirds, word for word.
    const trimmed = text.slice(0, 400);
    // A rewording: every sentence kept in its phrases but one syllable in six changed, so most
    // half the 3-syllable shingles survive and no run of eight does.
    const reworded = text.map((t, i) => (i % 6 === 5 ? `r${i}` : t));
    const original = storedSample(longShingleSample(text));
    const copy = longContainment(longShingleSample(trimmed), SENT, original, KEPT);
    const rewording = longContainment(longShingleSample(reworded), SENT, original, KEPT);
    expect(copy).toBeGreaterThan(0.9);
    expect(rewording).toBeGreaterThanOrEqual(0);
    expect(rewording).toBeLessThan(DEDUPE.minLongContainment);
    expect(longContainmentOf(longShingleSample(trimmed), longShingleSample(text))).toBe(copy);
  });
});

describe('sharesPhrasesOnly', () => {
  it('vetoes only under the Jaccard ceiling, under the containment floor, on a known estimate', () => {
    const lowJ = DEDUPE.longCheckMaxJaccard - 0.01;
    expect(sharesPhrasesOnly(lowJ, DEDUPE.minLongContainment - 0.01)).toBe(true);
    expect(sharesPhrasesOnly(lowJ, DEDUPE.minLongContainment)).toBe(false);
    expect(sharesPhrasesOnly(DEDUPE.longCheckMaxJaccard, 0)).toBe(false);
    expect(sharesPhrasesOnly(lowJ, -1)).toBe(false);
  });
});
