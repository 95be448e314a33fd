// The same-story rule (src/dedupe/same-story.ts): containment for trimmed copies, the short-text
// numbers floor, and fingerprints that do not see diacritics, NFD or spelling variants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEDUPE } from '../../config/dedupe.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { compareFingerprints, judgeSimilarity, numbersDisagree } from '../../src/dedupe/same-story.js';

const K = DEDUPE.hashes;
/** Equal sketch bytes that give this Jaccard estimate. */
const eqFor = (j: number): number => Math.round((j * (1 - 1 / 256) + 1 / 256) * K);

const SYLLABLES = [
  'Hàn',
  'Quốc',
  'Mỹ',
  'tập',
  'trận',
  'chung',
  'quân',
  'đội',
  'hoá',
  'học',
  'thuỷ',
  'kỳ',
  'quý',
  'Triều',
  'Tiên',
  'liên',
  'minh',
  'phòng',
  'thủ',
  'tên',
  'lửa',
  'Đông',
  'Bắc',
  'Á',
  'ngày',
  '18',
  'tháng',
  '8',
  'năm',
  '2026',
  'bấy',
  'giờ',
  'người',
  'lính',
];
const strip = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
const text = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 5, maxLength: 200 }).map((w) => w.join(' '));

describe('the same-story rule', () => {
  it('finds a trimmed republication by containment when Jaccard is low', () => {
    // 150 of 500 shingles kept: Jaccard 0.3 - containment 1.
    const v = judgeSimilarity(eqFor(0.28), K, 500, 150);
    expect(v.jaccard).toBeLessThan(DEDUPE.minJaccard);
    expect(v.containment).toBeGreaterThan(0.9);
    expect(v).toMatchObject({ same: true, basis: 'containment' });
    // The same estimate on texts too short to trust containment: different stories.
    expect(judgeSimilarity(eqFor(0.28), K, 300, DEDUPE.minShinglesForContainment - 1).same).toBe(false);
    expect(judgeSimilarity(0, K, 0, 50)).toMatchObject({ same: false, containment: 0 });
  });

  it('keeps two write-ups of one event apart (Jaccard 0.2, similar length)', () => {
    expect(judgeSimilarity(eqFor(0.2), K, 400, 380)).toMatchObject({ same: false, basis: 'below thresholds' });
  });

  it('keeps short templated pieces apart when each carries a number the other lacks, not when only one does', () => {
    expect(numbersDisagree('0001beef', '0001ffff')).toBe(true);
    expect(numbersDisagree('0001beef', '0001')).toBe(false); // a trimmed copy lost a figure
    expect(numbersDisagree('', '')).toBe(false);
    const short = DEDUPE.shortTextShingles - 1;
    expect(judgeSimilarity(eqFor(0.8), K, short, short, '0001beef', '0001ffff')).toMatchObject({
      same: false,
      basis: 'short texts, numbers differ',
    });
    expect(judgeSimilarity(eqFor(0.8), K, short, short - 10, '0001beef', '0001').same).toBe(true);
    // Longer texts: figures differing on both sides is a copy with a rewritten lead and a trim.
    expect(judgeSimilarity(eqFor(0.8), K, DEDUPE.shortTextShingles, 90, '0001beef', '0001ffff').same).toBe(true);
  });

  it('generated daily briefs from one template stay apart; the same brief re-credited joins', () => {
    const brief = (d: number, n: number) =>
      fingerprint(
        `Bộ Tham mưu Liên quân Hàn Quốc cho biết sáng ngày ${d}/8, quân đội phát hiện ${n} quả tên lửa đạn đạo tầm ngắn.`,
        ['Quân đội Hàn Quốc đã tăng cường giám sát và chia sẻ thông tin với phía Mỹ.'],
      );
    for (let d = 1; d <= 20; d++) {
      expect(compareFingerprints(brief(d, 2), brief(d + 1, 3)).same).toBe(false);
      expect(compareFingerprints(brief(d, 2), brief(d, 2)).same).toBe(true);
    }
  });

  it('a copy without diacritics, in NFD or with the other spellings has the same fingerprint (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const a = fingerprint(null, [t]);
        for (const variant of [
          strip(t),
          t.normalize('NFD'),
          t.replace(/oá/g, 'óa').replace(/Mỹ/g, 'Mĩ').replace(/kỳ/g, 'kì'),
        ]) {
          const b = fingerprint(null, [variant]);
          expect(b.sketch.equals(a.sketch)).toBe(true);
          expect(b.shingles).toBe(a.shingles);
          expect(compareFingerprints(a, b).same).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
