// The body's paragraphs cleaned: boilerplate lines (boilerplate.ts and the source's dropText),
// echoes of the title or lead, a run of paragraphs the page holds twice (a hidden print or
// mobile copy), and a paragraph met again as prose (long) or right after itself (a slideshow's
// second copy of a caption, hidden by a stylesheet this cannot see), each written once.
import { paragraphKey } from '../text/normalize.js';
import { isBoilerplate } from './boilerplate.js';

/** A repeated run of paragraphs at least this long is a copy of the body, not the article. */
const REPEATED_RUN_CHARS = 200;
/** A single paragraph this long is prose; an article never prints the same one twice. */
const REPEATED_LINE_CHARS = 80;
/**
 * A line this long written exactly twice in a row is a copy (the shown caption and its hidden
 * twin), not a refrain ("Meal 1", a table's "0"); three or more in a row is the page's own.
 */
const STUTTER_CHARS = 20;

/**
 * Indexes of paragraphs that copy an earlier run of the body holding a large share of its text
 * (REPEATED_RUN_CHARS or more, and a quarter of the whole). Lines an article repeats by design
 * ("Meal 1", a table's "0", the same step in two plans of a recipe) are short runs of a long
 * text, and stay.
 */
export function repeatedRuns(keys: readonly string[]): Set<number> {
  const total = keys.reduce((n, k) => n + k.length, 0);
  const minChars = Math.max(REPEATED_RUN_CHARS, total / 4);
  const first = new Map<string, number>();
  const out = new Set<number>();
  // A page of endless identical lines must not make this quadratic: comparisons are capped.
  let budget = 1_000_000;
  for (let i = 0; i < keys.length && budget > 0; i++) {
    const j = first.get(keys[i]!);
    if (j === undefined) {
      first.set(keys[i]!, i);
      continue;
    }
    if (out.has(i)) continue;
    let len = 0;
    let chars = 0;
    while (i + len < keys.length && j + len < i && keys[j + len] === keys[i + len] && budget-- > 0)
      chars += keys[i + len++]!.length;
    if (chars >= minChars) for (let k = i; k < i + len; k++) out.add(k);
  }
  return out;
}

/** The body as lines with their comparison keys (paragraphKey), kept side by side. */
export interface CleanBody {
  lines: string[];
  keys: string[];
}

function isSecondOfPair(lines: ReadonlyArray<{ key: string }>, i: number): boolean {
  const key = lines[i]!.key;
  return lines[i - 1]?.key === key && lines[i - 2]?.key !== key && lines[i + 1]?.key !== key;
}

export function cleanBody(
  paragraphs: readonly string[],
  title: string,
  lead: string | null,
  dropText: readonly RegExp[],
): CleanBody {
  const echoes = new Set<string>([paragraphKey(title)]);
  if (lead) echoes.add(paragraphKey(lead));
  const kept = paragraphs
    .filter((p) => !isBoilerplate(p, dropText))
    .map((p) => ({ p, key: paragraphKey(p) }))
    .filter(({ key }) => key && !echoes.has(key));
  const repeated = repeatedRuns(kept.map(({ key }) => key));
  const out: CleanBody = { lines: [], keys: [] };
  const longLines = new Set<string>();
  kept.forEach(({ p, key }, i) => {
    if (repeated.has(i)) return;
    if (key.length >= STUTTER_CHARS && isSecondOfPair(kept, i)) return;
    if (key.length >= REPEATED_LINE_CHARS) {
      if (longLines.has(key)) return;
      longLines.add(key);
    }
    out.lines.push(p);
    out.keys.push(key);
  });
  return out;
}
