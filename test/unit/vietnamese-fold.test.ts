import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, foldTokens, foldTokensWithSpans, stripTone } from '../../src/text/vietnamese-fold.js';

describe('foldTokens', () => {
  it.each([
    ['hoá', 'hóa'],
    ['thuỷ', 'thủy'],
    ['Mỹ', 'Mĩ'],
    ['kỳ', 'kì'],
    ['HOÀ BÌNH', 'hòa bình'],
    ['Hoa Kỳ', 'hoa kì'],
    ['quý', 'quí'],
  ])('folds %s and %s to the same tokens', (a, b) => {
    expect(foldTokens(a)).toEqual(foldTokens(b));
  });

  it('keeps vowel quality apart: ă/â/a, ơ/ô/o, ư/u, đ/d', () => {
    expect(new Set(foldTokens('tân tăn tan')).size).toBe(3);
    expect(new Set(foldTokens('mơ mô mo')).size).toBe(3);
    expect(new Set(foldTokens('đa da')).size).toBe(2);
    expect(new Set(foldTokens('tư tu')).size).toBe(2);
  });

  it('keeps tones apart', () => {
    expect(new Set(foldTokens('ma má mà mả mã mạ')).size).toBe(6);
  });

  it('keeps y in diphthongs (tay ≠ tai, uy ≠ ui)', () => {
    expect(foldTokens('tay')).not.toEqual(foldTokens('tai'));
    expect(foldTokens('huy')).not.toEqual(foldTokens('hui'));
  });

  it('splits on punctuation and line breaks, never inside a syllable', () => {
    expect(foldTokens('Hàn-Mỹ,\nrăn đe.')).toEqual(['han2', 'mi4', 'răn', 'đe']);
  });

  it('is the same for NFC and NFD input (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            ...'aăâeêioôơuưyđ àáảãạ ằắẳẵặ ầấẩẫậ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ HQMỸ-.,'.split(''),
          ),
        }),
        (s) => {
          expect(foldTokens(s.normalize('NFD'))).toEqual(foldTokens(s.normalize('NFC')));
        },
      ),
    );
  });

  it('is idempotent on its own output (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldText(s);
        expect(foldText(once.replace(/[1-5](?= |$)/g, ''))).toBe(foldText(stripToneText(once)));
      }),
    );
  });

  it('finds tokens exactly where the Unicode regex does (property)', () => {
    // The tokenizer scans a precomputed table of letter/mark/digit code units; the plain
    // definition is /[\p{L}\p{M}\p{N}]+/gu over the NFC text.
    const pieces = [
      ...'Mỹ Hàn quốc hoà hoa\u0300 THAAD 2026 ١٢ ½ Ⅻ 漢字 한국 .,;—«»“”…\u00a0\u200b\t\n'.split(''),
      '\u{1D400}',
      '\u{10100}',
      '\u{1F600}',
      '\u{20000}',
      '\ud800',
      '\udc00',
    ];
    const text = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const nfc = t.normalize('NFC');
        const want = [...nfc.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length]);
        const spans = foldTokensWithSpans(t);
        expect(spans.map((s) => [s.start, s.end])).toEqual(want);
        expect(spans.map((s) => s.token)).toEqual(want.map(([a, b]) => foldTokens(nfc.slice(a, b))[0]));
      }),
      { numRuns: 3_000 },
    );
  });

  it('stripTone drops tone and marks for opt-in diacritic-free matching', () => {
    expect(foldTokens('Mỹ').map(stripTone)).toEqual(['mi']);
    expect(foldTokens('Đà Nẵng').map(stripTone)).toEqual(['da', 'nang']);
  });
});

function stripToneText(folded: string): string {
  return folded.replace(/[1-5](?= |$)/g, '');
}
