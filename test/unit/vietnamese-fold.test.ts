import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, foldTokens, stripTone } from '../../src/text/vietnamese-fold.js';

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

  it('stripTone drops tone and marks for opt-in diacritic-free matching', () => {
    expect(foldTokens('Mỹ').map(stripTone)).toEqual(['mi']);
    expect(foldTokens('Đà Nẵng').map(stripTone)).toEqual(['da', 'nang']);
  });
});

function stripToneText(folded: string): string {
  return folded.replace(/[1-5](?= |$)/g, '');
}
