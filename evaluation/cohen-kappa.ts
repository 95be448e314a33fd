// Cohen's κ: how far two labellings of the same texts agree beyond what their label shares alone
// would give by chance. Used to tell how stable our relevance labelling is (a blind re-read of
// texts against their first labels, scripts/eval/relabel-compare.ts).

export interface Agreement {
  n: number;
  /** Share of texts given the same label twice. */
  observed: number;
  /** Share expected by chance from each labelling's own label shares. */
  chance: number;
  /** (observed − chance) / (1 − chance); 1 when both labellings use one and the same label. */
  kappa: number;
}

export function cohenKappa(first: readonly string[], second: readonly string[]): Agreement {
  if (first.length !== second.length) throw new Error('cohenKappa: the two labellings differ in length');
  const n = first.length;
  if (n === 0) return { n, observed: 0, chance: 0, kappa: 0 };
  const share = (xs: readonly string[], label: string): number => xs.filter((x) => x === label).length / n;
  const observed = first.filter((x, i) => x === second[i]).length / n;
  const chance = [...new Set([...first, ...second])].reduce((s, l) => s + share(first, l) * share(second, l), 0);
  const kappa = chance === 1 ? 1 : (observed - chance) / (1 - chance);
  return { n, observed, chance, kappa };
}
