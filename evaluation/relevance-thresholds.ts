// The learned relevance model's two cuts on its probability, chosen from held-out probabilities
// (an inner cross-validation's: a model scored on its own training texts is sure of itself): the
// on threshold and the lower edge of the borderline band.

/**
 * The share of ON texts the borderline band must keep written (issue 33: ≥ 99 %). The band's lower
 * edge is the highest probability keeping that share of the inner cross-validation's ON texts
 * written, with no slack under it. Of four rules compared under cross-validation (99 % or 99.5 %,
 * the edge as found or 0.8 × lower; docs/relevance.md), only the 99.5 % ones kept ≥ 99 % of ON
 * texts written, and this one put the fewest OFF texts in the band.
 */
export const KEEP_ON = 0.995;

export interface Thresholds {
  onFrom: number;
  borderlineFrom: number;
  /** The held-out probabilities of the ON texts the band was sized on, ascending (for reports). */
  heldOutOn?: number[];
  /** The mean of the sets' F1 at onFrom on those held-out probabilities. */
  score: number;
}

/**
 * onFrom: the best F1 on held-out probabilities (the middle of a tied range); the band from KEEP_ON.
 * With `sets` (which development set each text is from), the best mean of the sets' F1: each kind
 * of text counts alike, not the most numerous one alone (the targets hold per set).
 */
export function chooseThresholds(
  prob: readonly number[],
  labels: readonly boolean[],
  sets: readonly string[] = prob.map(() => ''),
): Thresholds {
  const sorted = [...new Set(prob)].sort((a, b) => a - b);
  const cuts = sorted.map((p, i) => (i === 0 ? p / 2 : (p + sorted[i - 1]!) / 2));
  const names = [...new Set(sets)];
  let best = -1;
  let tied: number[] = [];
  for (const c of cuts) {
    const tally = new Map(names.map((n) => [n, { tp: 0, fp: 0, fn: 0 }]));
    prob.forEach((p, i) => {
      const t = tally.get(sets[i]!)!;
      if (p >= c && labels[i]) t.tp++;
      else if (p >= c) t.fp++;
      else if (labels[i]) t.fn++;
    });
    let f1 = 0;
    for (const t of tally.values()) f1 += (t.tp === 0 ? 0 : (2 * t.tp) / (2 * t.tp + t.fp + t.fn)) / names.length;
    if (f1 > best + 1e-12) [best, tied] = [f1, [c]];
    else if (Math.abs(f1 - best) <= 1e-12) tied.push(c);
  }
  const onFrom = tied[Math.floor(tied.length / 2)] ?? 0.5;
  const on = prob.filter((_, i) => labels[i]).sort((a, b) => a - b);
  const missable = Math.floor((1 - KEEP_ON) * on.length);
  return { onFrom, borderlineFrom: Math.min(onFrom, on[missable] ?? onFrom), heldOutOn: on, score: best };
}
