// The dedupe evaluation's tables: recall and false merges by edit kind and by similarity band.
import type { PairResult } from './dedupe-scores.js';

export interface Row {
  label: string;
  pairs: number;
  merged: number;
  rate: number;
  minJaccard: number;
  medianJaccard: number;
}

function row(label: string, xs: PairResult[]): Row {
  const js = xs.map((x) => x.jaccard).sort((a, b) => a - b);
  const merged = xs.filter((x) => x.merged).length;
  return {
    label,
    pairs: xs.length,
    merged,
    rate: xs.length ? merged / xs.length : 1,
    minJaccard: js[0] ?? 0,
    medianJaccard: js[Math.floor(js.length / 2)] ?? 0,
  };
}

export function byKind(xs: PairResult[]): Row[] {
  const kinds = [...new Set(xs.map((x) => x.kind))];
  return kinds.map((k) =>
    row(
      k,
      xs.filter((x) => x.kind === k),
    ),
  );
}

/** The bands: copies the rule must merge (Jaccard ≥ 0.4 or containment ≥ 0.7) and the rest. */
export const BANDS: { label: string; test: (x: PairResult) => boolean; required: boolean }[] = [
  { label: 'Jaccard ≥ 0.8', test: (x) => x.jaccard >= 0.8, required: true },
  { label: 'Jaccard 0.6–0.8', test: (x) => x.jaccard >= 0.6 && x.jaccard < 0.8, required: true },
  { label: 'Jaccard 0.5–0.6', test: (x) => x.jaccard >= 0.5 && x.jaccard < 0.6, required: true },
  { label: 'Jaccard 0.4–0.5', test: (x) => x.jaccard >= 0.4 && x.jaccard < 0.5, required: true },
  { label: 'Jaccard < 0.4, containment ≥ 0.7', test: (x) => x.jaccard < 0.4 && x.containment >= 0.7, required: true },
  { label: 'Jaccard < 0.4, containment < 0.7', test: (x) => x.jaccard < 0.4 && x.containment < 0.7, required: false },
];

export function byBand(xs: PairResult[]): (Row & { required: boolean })[] {
  return BANDS.map((b) => ({ ...row(b.label, xs.filter(b.test)), required: b.required }));
}

/** How the pairs kept apart were linked: "follow-up 10, unrelated 2" (– when none was kept apart). */
export function relatedKinds(xs: readonly PairResult[]): string {
  const n = new Map<string, number>();
  for (const x of xs.filter((y) => !y.merged))
    n.set(x.related ?? 'unrelated', (n.get(x.related ?? 'unrelated') ?? 0) + 1);
  return [...n.entries()].map(([k, v]) => `${k} ${v}`).join(', ') || '–';
}
