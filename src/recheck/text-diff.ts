// What changed between two versions of a story's text (the seed format: title, lead, body
// paragraphs and credit, one block a line group): paragraphs matched by a longest common
// subsequence, then words inside each changed paragraph the same way, so an edit of one figure
// reads as one word replaced, not a paragraph removed and another added. The summary counts words
// and paragraphs and shows the first few changed phrases, short, for the dashboard and the
// manifest's edit line. Paragraphs are few (tens) and words per paragraph a few hundred, so the
// quadratic tables stay small; a paragraph pair past MAX_CELLS is counted whole instead.

export interface TextChange {
  /** Words in the new text that the old did not have at that place (tokens split on white space). */
  words_added: number;
  words_removed: number;
  paragraphs_added: number;
  paragraphs_removed: number;
  paragraphs_changed: number;
  /** Up to MAX_EXAMPLES changed phrases, old → new, each cut to EXAMPLE_CHARS. */
  examples: { before: string; after: string }[];
  /** The change in words: "+3 −2 words; 1 paragraph changed, 1 added". */
  summary: string;
}

const MAX_EXAMPLES = 3;
const EXAMPLE_CHARS = 80;
const MAX_CELLS = 250_000;

/** Blocks of a seed-format text: its non-empty lines (paragraphs are separated by a blank line). */
export const blocksOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

const wordsOf = (block: string): string[] => block.split(/\s+/u).filter((w) => w.length > 0);

type Op<T> = { kind: 'same'; a: T } | { kind: 'del'; a: T } | { kind: 'add'; b: T };

/** The edit script from `a` to `b` by longest common subsequence. */
export function lcsOps<T>(a: readonly T[], b: readonly T[]): Op<T>[] {
  const n = a.length;
  const m = b.length;
  // Suffix lengths: table[i][j] = LCS of a[i..] and b[j..].
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const ops: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: 'same', a: a[i++]! });
      j++;
    } else if (j < m && (i >= n || table[i]![j + 1]! >= table[i + 1]![j]!)) ops.push({ kind: 'add', b: b[j++]! });
    else ops.push({ kind: 'del', a: a[i++]! });
  }
  return ops;
}

const cut = (s: string): string => (s.length > EXAMPLE_CHARS ? `${s.slice(0, EXAMPLE_CHARS - 1)}…` : s);

export function diffTexts(before: string, after: string): TextChange {
  const c: TextChange = {
    words_added: 0,
    words_removed: 0,
    paragraphs_added: 0,
    paragraphs_removed: 0,
    paragraphs_changed: 0,
    examples: [],
    summary: '',
  };
  const ops = lcsOps(blocksOf(before), blocksOf(after));
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.kind === 'same') continue;
    // A run of removed paragraphs followed by added ones: pair them up as changed paragraphs.
    const dels: string[] = [];
    const adds: string[] = [];
    for (; k < ops.length && ops[k]!.kind !== 'same'; k++) {
      const o = ops[k]!;
      if (o.kind === 'del') dels.push(o.a);
      else if (o.kind === 'add') adds.push(o.b);
    }
    k--;
    const pairs = Math.min(dels.length, adds.length);
    for (let p = 0; p < pairs; p++) changedParagraph(c, dels[p]!, adds[p]!);
    for (const d of dels.slice(pairs)) {
      c.paragraphs_removed++;
      c.words_removed += wordsOf(d).length;
      example(c, d, '');
    }
    for (const a of adds.slice(pairs)) {
      c.paragraphs_added++;
      c.words_added += wordsOf(a).length;
      example(c, '', a);
    }
  }
  c.summary = summarize(c);
  return c;
}

function changedParagraph(c: TextChange, before: string, after: string): void {
  c.paragraphs_changed++;
  const a = wordsOf(before);
  const b = wordsOf(after);
  if (a.length * b.length > MAX_CELLS) {
    c.words_removed += a.length;
    c.words_added += b.length;
    example(c, before, after);
    return;
  }
  const ops = lcsOps(a, b);
  for (let k = 0; k < ops.length; k++) {
    if (ops[k]!.kind === 'same') continue;
    const del: string[] = [];
    const add: string[] = [];
    for (; k < ops.length && ops[k]!.kind !== 'same'; k++) {
      const o = ops[k]!;
      if (o.kind === 'del') del.push(o.a);
      else if (o.kind === 'add') add.push(o.b);
    }
    c.words_removed += del.length;
    c.words_added += add.length;
    example(c, del.join(' '), add.join(' '));
  }
}

function example(c: TextChange, before: string, after: string): void {
  if (c.examples.length < MAX_EXAMPLES) c.examples.push({ before: cut(before), after: cut(after) });
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function summarize(c: TextChange): string {
  const paras = [
    c.paragraphs_changed ? `${plural(c.paragraphs_changed, 'paragraph', 'paragraphs')} changed` : '',
    c.paragraphs_added ? `${c.paragraphs_added} added` : '',
    c.paragraphs_removed ? `${c.paragraphs_removed} removed` : '',
  ].filter(Boolean);
  const words = `+${c.words_added} −${c.words_removed} words`;
  return paras.length ? `${words}; ${paras.join(', ')}` : words;
}
