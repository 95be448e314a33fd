// The exact-duplicate key folds lead and body in parts (to reuse the relevance classifier's fold
// of the body); it must equal folding them as one text, which is how stored hashes were made.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash, contentKeyText, stripWirePrefix } from '../../src/dedupe/content-hash.js';
import { classifyRelevance } from '../../src/relevance/classify-relevance.js';
import { foldTokens } from '../../src/text/vietnamese-fold.js';

/** The key as first defined: every non-empty part stripped, joined by newlines, folded once. */
function keyAsOneText(lead: string | null, body: readonly string[]): string {
  const parts = [lead, ...body].filter((p): p is string => !!p).map(stripWirePrefix);
  return foldTokens(parts.join('\n')).join(' ');
}

const pieces = [
  'Hàn Quốc',
  'Mỹ',
  'HOÁ',
  'hóa',
  'thuỷ',
  'TTXVN - ',
  '(Dân trí) - ',
  'VOV.VN – ',
  'a\u0301',
  '\u0301',
  ' ',
  '\n',
  '-',
  '2026',
  '',
  'quý',
  'ĐỒNG MINH',
];
const paragraph = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join(''));

describe('content key', () => {
  it('equals folding the stripped lead and paragraphs as one text', () => {
    fc.assert(
      fc.property(fc.option(paragraph), fc.array(paragraph, { maxLength: 6 }), (lead, body) => {
        expect(contentKeyText(lead, body)).toBe(keyAsOneText(lead, body));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same after the relevance classifier folded the body first', () => {
    const lead = 'TTXVN - Hàn Quốc và Mỹ tập trận chung.';
    const body = ['(Dân trí) - Hai nước đồng minh thông báo kế hoạch.', '', 'Quân đội Hoa Kỳ tham gia.'];
    const cold = contentKeyText(lead, body);
    classifyRelevance({ title: 'Tập trận', lead, body });
    expect(contentKeyText(lead, body)).toBe(cold);
    expect(cold).toBe(keyAsOneText(lead, body));
    expect(contentHash(lead, body)).toMatch(/^[0-9a-f]{16}$/);
  });
});
