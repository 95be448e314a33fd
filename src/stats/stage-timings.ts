// Per-stage time accumulator for the benchmark: where does an article's time go. Optional in
// every stage's deps; production runs leave it out and pay nothing.
export interface StageTimings {
  /** Charges `ms` to `stage`, as `calls` calls (several when merging another thread's totals). */
  add(stage: string, ms: number, calls?: number): void;
}

export class StageClock implements StageTimings {
  readonly totals = new Map<string, { ms: number; n: number }>();

  add(stage: string, ms: number, calls = 1): void {
    const t = this.totals.get(stage) ?? { ms: 0, n: 0 };
    t.ms += ms;
    t.n += calls;
    this.totals.set(stage, t);
  }
}

/** Runs `fn`, charging its time to `stage` when timings are collected. */
export async function timed<T>(timings: StageTimings | undefined, stage: string, fn: () => Promise<T> | T): Promise<T> {
  if (!timings) return fn();
  const start = performance.now();
  try {
    return await fn();
  } finally {
    timings.add(stage, performance.now() - start);
  }
}
