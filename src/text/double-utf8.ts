// Repairs text encoded as UTF-8 twice: a page whose UTF-8 bytes were once read as windows-1252
// and written out again as UTF-8 shows "â€™" for "’", "Ã±" for "ñ", "â­\u0090" for "⭐". Each
// run of such characters is turned back into its windows-1252 bytes and read as UTF-8; a run
// that does not make valid UTF-8 is left as it was, so the repair never invents a letter.
// decodePage only calls it on a page it would otherwise refuse as undecodable.

/** windows-1252's letters at 0x80–0x9F, by byte; the other bytes are their Latin-1 selves. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const TO_BYTE = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) TO_BYTE.set(b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b), b);
for (let b = 0x80; b < 0xa0; b++) TO_BYTE.set(String.fromCharCode(b), b); // C1 controls pass through as well

const CONT = `[\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]`;
// A UTF-8 lead byte read as windows-1252 (Â–ô), then as many continuation bytes as it asks for.
const RUN = new RegExp(`[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`, 'g');
const STRICT = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether a repaired character is one prose is written in. A letter and a symbol of real text
 * ("CAFÉ®", "È“") can also make valid UTF-8, but of C1 controls, Latin Extended-B or the IPA
 * letters, which no prose uses (Vietnamese ơ and ư, U+01A0–U+01B0, excepted): such a run stays.
 */
function plausible(c: number): boolean {
  return (
    (c >= 0xa0 && c <= 0x17f) ||
    (c >= 0x1a0 && c <= 0x1b0) ||
    (c >= 0x300 && c <= 0x7ff) ||
    (c >= 0x800 && c !== 0xfffd)
  );
}

export function repairDoubleUtf8(text: string): string {
  return text.replace(RUN, (run) => {
    const bytes = Uint8Array.from([...run].map((ch) => TO_BYTE.get(ch) ?? 0));
    try {
      const fixed = STRICT.decode(bytes);
      return plausible(fixed.codePointAt(0)!) ? fixed : run;
    } catch {
      return run;
    }
  });
}
