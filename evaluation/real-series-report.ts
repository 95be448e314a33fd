// The real-series section of `npm run eval:dedupe`: two days of one real recurring column must stay
// two stories (issue 34 (a)). Per column: pairs and merged, each half; every merge listed by corpus
// path only (the report may go into BENCHMARKS.md; the corpus's titles are not ours to copy).
import { relatedKinds } from './dedupe-report-rows.js';
import type { RealPairResult } from './real-pairs-scores.js';
import type { RealSeries } from './real-series.js';

const f = (x: number): string => x.toFixed(3);
const rate = (m: number, n: number): string => `${m}/${n}`;

export function realSeriesTargets(results: readonly RealPairResult[]): string[] {
  const merged = results.filter((r) => r.merged).length;
  const disagree = results.filter((r) => !r.agrees).length;
  return [
    ...(merged ? [`real columns: ${merged} pair(s) of two days merged`] : []),
    ...(disagree ? [`dedupe compare disagrees with the index on ${disagree} real column pair(s)`] : []),
  ];
}

export function realSeriesSection(series: RealSeries, results: RealPairResult[]): string[] {
  const columns = [...new Set(results.map((r) => r.kind))];
  const rows = columns
    .map((c) => results.filter((r) => r.kind === c))
    .sort((x, y) => y.length - x.length)
    .map((xs) => {
      const m = (h: RealPairResult['half']): string => {
        const ys = xs.filter((x) => x.half === h);
        return rate(ys.filter((y) => y.merged).length, ys.length);
      };
      const max = (k: 'jaccard' | 'containment'): string => f(Math.max(0, ...xs.map((x) => x[k])));
      return `| ${xs[0]!.kind} | ${m('dev')} | ${m('held-out')} | ${max('jaccard')} | ${max('containment')} | ${relatedKinds(xs)} |`;
    });
  const merged = results.filter((r) => r.merged);
  const failures = realSeriesTargets(results);
  return [
    '### Real recurring columns',
    '',
    `VietNews (public repository, 2016–2019), read in place: ${series.pieces} pieces of ${series.columns} recurring columns, found from the titles (at least eight titles opening with the same words and then a day/month date). Each piece against the pieces of its column's next two dates, the earlier indexed first: ${results.length} pairs, all two different days, so all must stay apart (${series.copiesLeftOut} pairs whose lead and body are one text, filed under two dates, left out; sentence alignment cannot label these pairs, since a column's template makes two days' sentences align). Split by the first piece's file number: even = development, odd = held out.`,
    '',
    '| column (opening words) | dev merged | held out merged | max Jaccard | max containment | linked as |',
    '|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
    `Merged: ${merged.length}`,
    ...merged.map(
      (x) =>
        `- ${x.id} (${x.half}): Jaccard ${f(x.jaccard)}, containment ${f(x.containment)}, sentences aligned ${f(x.sentenceCover)}`,
    ),
    '',
    failures.length ? `Real-column targets missed: ${failures.join('; ')}` : 'Real-column targets met.',
    '',
  ];
}
