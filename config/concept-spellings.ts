// A concept's spelling may hold its variants inline: `{a|b|}` is one of a, b or nothing, so
// "{lực lượng|quân đội|binh sĩ} Mỹ {đồn trú |}{tại|ở} Hàn Quốc" is twelve spellings written once.
// Braces do not nest; the expansion is capped so a typo cannot make a file of a million spellings.

/** Spellings one written line may expand to. */
export const MAX_SPELLINGS_PER_LINE = 64;

export class SpellingSyntaxError extends Error {
  override name = 'SpellingSyntaxError';
}

type Part = string[];

function parts(pattern: string): Part[] {
  const out: Part[] = [];
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('{', i);
    const stray = pattern.indexOf('}', i);
    if (stray >= 0 && (open < 0 || stray < open)) throw new SpellingSyntaxError(`"}" at ${stray} closes nothing`);
    if (open < 0) {
      out.push([pattern.slice(i)]);
      break;
    }
    out.push([pattern.slice(i, open)]);
    const close = pattern.indexOf('}', open);
    if (close < 0) throw new SpellingSyntaxError(`"{" at ${open} is never closed`);
    const inner = pattern.slice(open + 1, close);
    if (inner.includes('{')) throw new SpellingSyntaxError(`braces do not nest (at ${open})`);
    out.push(inner.split('|'));
    i = close + 1;
  }
  return out;
}

/** Every spelling a pattern stands for, spaces collapsed, in the order written; no duplicates. */
export function expandSpellings(pattern: string): string[] {
  const ps = parts(pattern);
  const count = ps.reduce((n, p) => n * p.length, 1);
  if (count > MAX_SPELLINGS_PER_LINE)
    throw new SpellingSyntaxError(`stands for ${count} spellings, more than ${MAX_SPELLINGS_PER_LINE}: split it`);
  let acc = [''];
  for (const p of ps) acc = acc.flatMap((a) => p.map((x) => a + x));
  const out = acc.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (out.length < acc.length) throw new SpellingSyntaxError('one of its variants is empty');
  return [...new Set(out)];
}
