// Text clean-up shared by extraction, writing and dedupe. Written text keeps the outlet's spelling:
// these functions only fix encoding-level variation (NFC, odd spaces, control characters).
import { charClass, forEachRun } from './char-class.js';

// Characters that render as a space on news pages: NBSP, narrow NBSP (Tuổi Trẻ dates), en/em
// spaces, ideographic space. Zero-width characters are removed outright.
const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// C0/C1 controls other than \n never belong in an article.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
// Anything the replacements below would touch (a superset: the classes above, line breaks, a
// double space), or a space trim() would strip. Most lines are clean already — extraction cleans
// each paragraph, and dedupe keys clean it again — and one test is cheaper than five replaces.
const MAY_NEED_CLEANING =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]| {2}|^ | $/;

/** NFC plus space clean-up for one line of text: single spaces, no leading or trailing space. */
export function cleanLine(text: string): string {
  const nfc = text.normalize('NFC');
  if (!MAY_NEED_CLEANING.test(nfc)) return nfc;
  return nfc
    .replace(ZERO_WIDTH, '')
    .replace(SPACE_LIKE, ' ')
    .replace(/\r\n?|\n/g, ' ')
    .replace(CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

// Whitespace and punctuation, found through a table (char-class.ts) rather than /[\s\p{P}]+/gu.
const separatorAt = charClass(/[\s\p{P}]/u);

/** Every run of whitespace and punctuation as one space, none at either end. */
function collapseSeparators(s: string): string {
  let out = '';
  let from = 0;
  forEachRun(s, separatorAt, (start, end) => {
    out += start > 0 && end < s.length ? `${s.slice(from, start)} ` : s.slice(from, start);
    from = end;
  });
  return from === 0 ? s : out + s.slice(from);
}

/** Key used to compare two paragraphs for "the same text": case and spacing do not matter. */
export function paragraphKey(text: string): string {
  // Vietnamese has no locale-specific case rules (unlike Turkish i), so plain toLowerCase() gives
  // the same result as toLocaleLowerCase('vi') without the ICU call per paragraph.
  return collapseSeparators(cleanLine(text).toLowerCase());
}
