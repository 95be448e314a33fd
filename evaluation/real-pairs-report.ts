// The real-pairs section of `npm run eval:dedupe`: recall of copies by kind and by true Jaccard
// band, pairs apart by kind, every false merge listed (by corpus id only: the report may be
// written into BENCHMARKS.md, and the corpus's titles are not ours to copy); each table for both
// halves (development and held out) and in total. Targets (issue 34): copies merged ≥ 0.97, 0 false merges.
import { byBand, byKind, relatedKinds } from './dedupe-report-rows.js';
import { REQUIRED_MERGE_RATE } from './dedupe-targets.js';
import type { RealPairResult } from './real-pairs-scores.js';
import { APART_COVER, COPY_COVER } from './real-pair-labels.js';

const f = (x: number): string => x.toFixed(3);
const rate = (m: number, n: number): string => `${m}/${n} (${n ? ((m / n) * 100).toFixed(1) : '–'} %)`;

function halves(xs: RealPairResult[]): [string, RealPairResult[]][] {
  return [
    ['dev', xs.filter((x) => x.half === 'dev')],
    ['held out', xs.filter((x) => x.half === 'held-out')],
    ['all', xs],
  ];
}

export function realPairsTargets(results: RealPairResult[], set = 'real'): string[] {
  const copies = results.filter((r) => r.label === 'copy');
  const merged = copies.filter((c) => c.merged).length;
  const out: string[] = [];
  if (copies.length && merged / copies.length < REQUIRED_MERGE_RATE)
    out.push(`${set} copies: ${rate(merged, copies.length)} merged (< ${REQUIRED_MERGE_RATE * 100} %)`);
  const falseMerges = results.filter((r) => r.label === 'apart' && r.merged);
  if (falseMerges.length) out.push(`${set} pairs apart merged: ${falseMerges.length}`);
  const disagree = results.filter((r) => r.label !== 'grey' && !r.agrees);
  if (disagree.length) out.push(`dedupe compare disagrees with the index on ${disagree.length} ${set} pair(s)`);
  return out;
}

export function realPairsSection(source: string, docs: number, clusters: number, results: RealPairResult[]): string[] {
  const grey = results.filter((r) => r.label === 'grey');
  return [
    '### Real pairs',
    '',
    `${source}: ${docs} articles in ${clusters} clusters (one event each, several outlets), read in place. Every pair inside a cluster, the earlier-published text indexed first. Labels come from sentence alignment, not from the rule under test: a copy when ≥ ${COPY_COVER * 100} % of the smaller text's sentences are in the larger (a sentence is in when 70 % of its word trigrams are), apart when ≤ ${APART_COVER * 100} %; the ${grey.length} pairs in between (shared quotes and background) are listed as grey, with no target. Clusters split by number: even = development, odd = held out.`,
    '',
    ...realPairsTables(results, 'Real-pair'),
  ];
}

/**
 * Recall of copies by kind and band, pairs apart by kind, every false merge and missed copy, and
 * whether the targets were met (`what` names the set in that last line).
 */
export function realPairsTables(results: RealPairResult[], what: string, set = 'real'): string[] {
  const copies = results.filter((r) => r.label === 'copy');
  const apart = results.filter((r) => r.label === 'apart');
  const grey = results.filter((r) => r.label === 'grey');
  const lines = [
    '| copies: kind | dev | held out | all | min / median Jaccard |',
    '|---|---:|---:|---:|---:|',
    ...byKind(copies).map((k) => {
      const [dev, held, all] = halves(copies.filter((c) => c.kind === k.label)).map(([, xs]) => xs);
      const m = (xs: RealPairResult[]): string => rate(xs.filter((x) => x.merged).length, xs.length);
      return `| ${k.label} | ${m(dev!)} | ${m(held!)} | ${m(all!)} | ${f(k.minJaccard)} / ${f(k.medianJaccard)} |`;
    }),
    '',
    '| copies: true similarity | pairs | merged |',
    '|---|---:|---:|',
    ...byBand(copies).map((b) => `| ${b.label} | ${b.pairs} | ${rate(b.merged, b.pairs)} |`),
    '',
    '| apart: kind | dev merged | held out merged | all merged | max Jaccard | max containment | linked as |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...byKind(apart).map((k) => {
      const xs = apart.filter((a) => a.kind === k.label);
      const [dev, held, all] = halves(xs).map(([, ys]) => ys);
      const m = (ys: RealPairResult[]): string => rate(ys.filter((y) => y.merged).length, ys.length);
      return `| ${k.label} | ${m(dev!)} | ${m(held!)} | ${m(all!)} | ${f(Math.max(0, ...xs.map((x) => x.jaccard)))} | ${f(Math.max(0, ...xs.map((x) => x.containment)))} | ${relatedKinds(xs)} |`;
    }),
    `| grey (no target) | | | ${rate(grey.filter((g) => g.merged).length, grey.length)} | ${f(Math.max(0, ...grey.map((x) => x.jaccard)))} | ${f(Math.max(0, ...grey.map((x) => x.containment)))} | ${relatedKinds(grey)} |`,
    '',
  ];
  const falseMerges = apart.filter((a) => a.merged);
  lines.push(`False merges (pairs apart merged): ${falseMerges.length}`);
  for (const x of falseMerges)
    lines.push(
      `- ${x.id} (${x.kind}, ${x.half}): Jaccard ${f(x.jaccard)}, containment ${f(x.containment)}, sentences aligned ${f(x.sentenceCover)}`,
    );
  const missed = copies.filter((c) => !c.merged);
  lines.push('', `Copies kept apart: ${missed.length}`);
  for (const x of missed)
    lines.push(
      `- ${x.id} (${x.kind}, ${x.half}): Jaccard ${f(x.jaccard)}, containment ${f(x.containment)}, sentences aligned ${f(x.sentenceCover)}, linked as ${x.related ?? 'unrelated'}`,
    );
  const failures = realPairsTargets(results, set);
  lines.push('', failures.length ? `${what} targets missed: ${failures.join('; ')}` : `${what} targets met.`, '');
  return lines;
}
