// The p-th percentile of a sample (nearest rank), NaN for an empty one: the benchmarks' reports.
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
