// Character classes scanned through a table instead of a Unicode-property regex. Which UTF-16
// code units belong to the class is worked out once per class (once per process): testing
// a code unit is then one array read, where the regex was the costliest step of paragraph keys
// and of folding. Code points beyond the BMP (surrogate pairs) are rare in news text and are
// tested with the regex itself.

/** Length of the class's character at `i` in `s`: 1, 2 for an astral one, 0 if there is none. */
export type CharClassAt = (s: string, i: number) => number;

/** The class of characters a one-character regex matches (it must have the `u` flag). */
export function charClass(oneChar: RegExp): CharClassAt {
  const units = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (oneChar.test(String.fromCharCode(c))) units[c] = 1;
  return (s, i) => {
    const c = s.charCodeAt(i);
    if (units[c] === 1) return 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff && oneChar.test(String.fromCodePoint(cp))) return 2;
    }
    return 0;
  };
}

/** Calls `onRun(start, end)` for each maximal run of the class's characters in `s`, in order. */
export function forEachRun(s: string, at: CharClassAt, onRun: (start: number, end: number) => void): void {
  let i = 0;
  while (i < s.length) {
    let len = at(s, i);
    if (len === 0) {
      i++;
      continue;
    }
    const start = i;
    while (len > 0) {
      i += len;
      len = i < s.length ? at(s, i) : 0;
    }
    onRun(start, i);
  }
}
