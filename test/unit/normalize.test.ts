// cleanLine and paragraphKey have fast paths (a clean line is returned after one test; separators
// are found through a precomputed table). These properties pin them to the plain definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, paragraphKey } from '../../src/text/normalize.js';

function cleanLineReference(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '') // eslint-disable-line no-control-regex
    .replace(/ {2,}/g, ' ')
    .trim();
}

function paragraphKeyReference(text: string): string {
  return cleanLineReference(text)
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}

// Text the way pages mix it: Vietnamese letters (composed and decomposed), every kind of space,
// zero-width and control characters, punctuation from several scripts, astral characters.
const PIECES = [
  'Mỹ',
  'Hàn Quốc',
  'quốc phòng',
  'Hoà',
  'hoa\u0300',
  'THAAD',
  '2026',
  ' ',
  '  ',
  '\u00a0',
  '\u202f',
  '\u3000',
  '\u2028',
  '\u2029',
  '\t',
  '\r\n',
  '\n',
  '\u200b',
  '\ufeff',
  '\u00ad',
  '\u0007',
  '\u0085',
  '.',
  ',',
  '—',
  '–',
  '«',
  '»',
  '“',
  '”',
  '(',
  ')',
  '!',
  '?',
  '…',
  '、',
  '。',
  '\u{10100}',
  '\u{1F600}',
  '\u{1D400}',
  '\ud800',
  'x',
];
const mixed = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));
const anyText = fc.oneof(
  mixed,
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

describe('text normalization fast paths', () => {
  it('cleanLine equals the plain chain of replacements', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(cleanLine(s)).toBe(cleanLineReference(s));
      }),
      { numRuns: 5_000 },
    );
  });

  it('paragraphKey equals the plain regex definition', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(paragraphKey(s)).toBe(paragraphKeyReference(s));
      }),
      { numRuns: 5_000 },
    );
  });

  it('collapses punctuation and spacing, keeps letters', () => {
    expect(paragraphKey('  (TTXVN) – Mỹ,  Hàn Quốc!! ')).toBe('ttxvn mỹ hàn quốc');
    expect(paragraphKey('...')).toBe('');
    expect(paragraphKey('a\u{10100}b')).toBe('a b');
    expect(cleanLine('Mỹ\u00a0 và\u200bHàn')).toBe('Mỹ vàHàn');
  });
});
