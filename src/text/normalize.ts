// Text clean-up shared by extraction, writing and dedupe. Written text keeps the outlet's spelling:
// these functions only fix encoding-level variation (NFC, odd spaces, control characters).

// Characters that render as a space on news pages: NBSP, narrow NBSP (Tuổi Trẻ dates), en/em
// spaces, ideographic space. Zero-width characters are removed outright.
const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// C0/C1 controls other than \n never belong in an article.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** NFC plus space clean-up for one line of text: single spaces, no leading or trailing space. */
export function cleanLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(SPACE_LIKE, ' ')
    .replace(/\r\n?|\n/g, ' ')
    .replace(CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Key used to compare two paragraphs for "the same text": case and spacing do not matter. */
export function paragraphKey(text: string): string {
  // Vietnamese has no locale-specific case rules (unlike Turkish i), so plain toLowerCase() gives
  // the same result as toLocaleLowerCase('vi') without the ICU call per paragraph.
  return cleanLine(text)
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}
