// L2-regularised logistic regression over hashed sparse features, trained full-batch with Adam
// from zero weights: no randomness at all, so the same examples give the same weights on every
// machine (up to floating point, which is deterministic for one Node version).
// Classes are balanced (the ON examples together weigh as much as the OFF ones) so the decision
// threshold, chosen later by cross-validation, sits in the middle of the probability range rather
// than near 0. An example may carry its own weight (relevance-cv.ts weighs each development set
// alike, so the most numerous set does not set the boundary alone); balancing is on those weights.

export interface Example {
  index: readonly number[];
  value: readonly number[];
  label: boolean;
  /** The example's weight in the loss (default 1), before class balancing. */
  weight?: number;
}

export interface TrainOptions {
  /** L2 penalty per weight, on the mean loss. */
  l2: number;
  epochs: number;
  learningRate: number;
  /** A bucket seen in fewer training examples than this keeps weight 0 (a word of one text fits that text). */
  minDocs: number;
}

export const TRAIN_DEFAULTS: TrainOptions = { l2: 1e-3, epochs: 100, learningRate: 0.05, minDocs: 2 };

export function trainLogistic(
  examples: readonly Example[],
  dim: number,
  opts: TrainOptions = TRAIN_DEFAULTS,
  /** Called after each epoch with the weights so far: fewer epochs are a snapshot of more (no randomness). */
  afterEpoch?: (epoch: number, w: Float64Array) => void,
): Float64Array {
  const docs = new Uint32Array(dim);
  for (const e of examples) for (const i of new Set(e.index)) docs[i]!++;
  const weightOf = (e: Example): number => e.weight ?? 1;
  const pos = examples.reduce((n, e) => n + (e.label ? weightOf(e) : 0), 0);
  const neg = examples.reduce((n, e) => n + (e.label ? 0 : weightOf(e)), 0);
  const posWeight = pos === 0 ? 1 : neg / pos;
  const total = neg + pos * posWeight;
  // Each example keeps only its usable buckets, packed into typed arrays: the epoch loop is hot.
  const packed = examples.map((e) => {
    const keep = e.index.map((_, k) => k).filter((k) => docs[e.index[k]!]! >= opts.minDocs);
    return {
      index: Int32Array.from(keep, (k) => e.index[k]!),
      value: Float64Array.from(keep, (k) => e.value[k]!),
      label: e.label,
      scale: (weightOf(e) * (e.label ? posWeight : 1)) / total,
    };
  });
  const touched = Int32Array.from([...docs.keys()].filter((i) => docs[i]! >= opts.minDocs));
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const g = new Float64Array(dim);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= opts.epochs; t++) {
    for (const i of touched) g[i] = opts.l2 * w[i]!;
    for (const e of packed) {
      const { index, value } = e;
      let z = 0;
      for (let k = 0; k < index.length; k++) z += w[index[k]!]! * value[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - (e.label ? 1 : 0)) * e.scale;
      for (let k = 0; k < index.length; k++) g[index[k]!]! += err * value[k]!;
    }
    const lr = (opts.learningRate * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    for (const i of touched) {
      const gi = g[i]!;
      m[i] = b1 * m[i]! + (1 - b1) * gi;
      v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
      w[i]! -= (lr * m[i]!) / (Math.sqrt(v[i]!) + eps);
    }
    afterEpoch?.(t, w);
  }
  return w;
}

export function predict(w: Float64Array, e: Pick<Example, 'index' | 'value'>): number {
  let z = 0;
  for (let k = 0; k < e.index.length; k++) z += w[e.index[k]!]! * e.value[k]!;
  return 1 / (1 + Math.exp(-z));
}
