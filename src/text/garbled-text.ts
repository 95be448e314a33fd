// Tells mis-decoded text (mojibake) from real text. UTF-8 read as a single-byte charset
// (windows-1252/1258, ISO-8859-1) turns each non-ASCII letter into a letter followed by one or two
// characters from the bytes 0x80–0xBF: "ế" becomes "áº¿", "ü" becomes "Ã¼", "ư" becomes "Æ°".
// Read the other way (single-byte bytes read as UTF-8) letters become U+FFFD. So three marks are
// counted: U+FFFD, C1 control characters, and a symbol of the 0x80–0xBF rows (¡…¿, and what
// windows-1252 puts at 0x80–0x9F: † ‡ ‰ ‹ › ™ Œ œ …) right after a non-ASCII letter, where real
// text has none. Letters of any language (ü, ß, ñ, Hangul, Cyrillic) are never counted, nor is
// typographic punctuation, so German, Spanish or Korean text reads as clean.

const ALWAYS = 2;
const AFTER_LETTER = 1;

const table = ((): Uint8Array => {
  const t = new Uint8Array(0x10000);
  t[0xfffd] = ALWAYS;
  for (let c = 0x80; c <= 0x9f; c++) t[c] = ALWAYS;
  for (let c = 0xa1; c <= 0xbf; c++) t[c] = AFTER_LETTER;
  for (const ch of 'ŒœŠšŸŽžƒˆ˜†‡‰‹›™€') t[ch.charCodeAt(0)] = AFTER_LETTER;
  return t;
})();

/** Latin letters beyond ASCII and combining marks: what a mis-read UTF-8 lead byte turns into. */
function isLatinLetterOrMark(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)
  );
}

export interface GarbleCount {
  /** Characters outside ASCII. */
  nonAscii: number;
  /** Of those, the marks of a wrong decode. */
  outOfPlace: number;
}

/** Counts over all the texts given, each on its own. */
export function countGarble(...texts: readonly (string | null | undefined)[]): GarbleCount {
  let nonAscii = 0;
  let outOfPlace = 0;
  for (const text of texts) {
    if (!text) continue;
    let prev = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        nonAscii++;
        const kind = table[c];
        if (kind === ALWAYS || (kind === AFTER_LETTER && isLatinLetterOrMark(prev))) outOfPlace++;
      }
      prev = c;
    }
  }
  return { nonAscii, outOfPlace };
}

/** More than a handful of marks, and more than 2 % of the non-ASCII characters. */
export function isGarbled(count: GarbleCount): boolean {
  return count.outOfPlace > 4 && count.outOfPlace > count.nonAscii * 0.02;
}

/** One phrase for a reason: "37 of 412 non-ASCII characters are marks of a wrong decode". */
export function describeGarble(count: GarbleCount): string {
  return `${count.outOfPlace} of ${count.nonAscii} non-ASCII characters are marks of a wrong decode`;
}
