// npm run eval:dedupe [-- --seed N] [-- --write]: near-duplicate detection on generated
// republications of the project's own texts (republication-generator.ts), through the real Redis
// index under a throwaway prefix. Targets (issue 17): copies with true Jaccard ≥ 0.4 or
// containment ≥ 0.7 merged ≥ 97 %; different write-ups (Jaccard ≤ 0.2) merged 0 times;
// `dedupe compare` agrees with the index on every pair. Exit 1 when a target is missed.
// --write puts the report in BENCHMARKS.md, in place of its last run.
import os from 'node:os';
import { cliArg } from '../bench/cli-arg.js';
import { Redis } from 'ioredis';
import { DEDUPE } from '../../config/dedupe.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { evaluateDedupe, type PairResult } from '../../evaluation/dedupe-scores.js';
import { byBand, byKind, relatedKinds, type Row } from '../../evaluation/dedupe-report-rows.js';
import { checkDedupeTargets } from '../../evaluation/dedupe-targets.js';
import { REAL_NEWS_CORPUS } from '../../evaluation/reference-material.js';
import { corpusPresent, loadNewsClusters } from '../../evaluation/real-news-corpus.js';
import { clusterPairs } from '../../evaluation/real-pair-labels.js';
import { scoreRealPairs } from '../../evaluation/real-pairs-scores.js';
import { realPairsSection, realPairsTargets } from '../../evaluation/real-pairs-report.js';
import { loadRealSeries, seriesMirrorPresent } from '../../evaluation/real-series.js';
import { realSeriesSection, realSeriesTargets } from '../../evaluation/real-series-report.js';
import { loadVietnewsPairs } from '../../evaluation/vietnews-pairs.js';
import { vietnewsSection, vietnewsTargets } from '../../evaluation/vietnews-pairs-report.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';

/** False merges of copies, with how alike they were to the story they joined. */
function greyMerges(copies: PairResult[]): string {
  const js = copies.filter((c) => c.wrongStory).map((c) => c.joinedJaccard ?? 0);
  if (js.length === 0) return '0';
  return `${js.length} (true Jaccard to the story joined ${Math.min(...js).toFixed(2)}–${Math.max(...js).toFixed(2)}: above the 0.2 of the target)`;
}

/** The real-pairs section, or one line saying it was skipped (the corpus is read in place). */
async function realPairs(redis: Redis, prefix: string): Promise<{ lines: string[]; failures: string[] }> {
  if (!corpusPresent(REAL_NEWS_CORPUS))
    return {
      lines: [`Real pairs skipped: needs a news-cluster corpus (${REAL_NEWS_CORPUS}); set TINWATCH_REAL_NEWS`, ''],
      failures: [],
    };
  const clusters = loadNewsClusters(REAL_NEWS_CORPUS);
  const docs = [...clusters.values()].reduce((n, d) => n + d.length, 0);
  const results = await scoreRealPairs(redis, prefix, clusterPairs(clusters));
  const source = process.env.TINWATCH_REAL_NEWS_NAME ?? 'Public news clusters';
  return { lines: realPairsSection(source, docs, clusters.size, results), failures: realPairsTargets(results) };
}

/** A real-material section without its VietNews mirror: one line saying so, no target missed. */
const skipped = (section: string): { lines: string[]; failures: string[] } => ({
  lines: [`${section} skipped: needs the VietNews mirror (TINWATCH_MIRRORS)`, ''],
  failures: [],
});

/** The real recurring columns, or one line saying they were skipped (the mirror is read in place). */
async function realColumns(redis: Redis, prefix: string): Promise<{ lines: string[]; failures: string[] }> {
  if (!seriesMirrorPresent()) return skipped('Real recurring columns');
  const series = loadRealSeries();
  const results = await scoreRealPairs(redis, `${prefix}:series`, series.pairs);
  return { lines: realSeriesSection(series, results), failures: realSeriesTargets(results) };
}

/** Pairs found across the VietNews mirror, or one line saying they were skipped. */
async function realVietnews(redis: Redis, prefix: string): Promise<{ lines: string[]; failures: string[] }> {
  if (!seriesMirrorPresent()) return skipped('Real republications (VietNews)');
  const v = loadVietnewsPairs();
  const results = await scoreRealPairs(redis, `${prefix}:vietnews`, v.pairs);
  return { lines: vietnewsSection(v, results), failures: vietnewsTargets(results) };
}

/** The real sections, one after the other. */
async function realSections(redis: Redis, prefix: string): Promise<{ lines: string[]; failures: string[] }> {
  const sections = [
    await realPairs(redis, prefix),
    await realColumns(redis, prefix),
    await realVietnews(redis, prefix),
  ];
  return { lines: sections.flatMap((x) => x.lines), failures: sections.flatMap((x) => x.failures) };
}

const seed = Number(cliArg('seed', '1'));
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `tw-eval-dedupe-${process.pid}`;
try {
  if (process.argv.includes('--real-only')) {
    const real = await realSections(redis, prefix);
    process.stdout.write(`${real.lines.join('\n')}\n`);
    await clearPrefix(redis, prefix);
    redis.disconnect();
    process.exit(real.failures.length ? 1 : 0);
  }
  const originals = loadEvalArticles();
  const r = await evaluateDedupe(redis, prefix, originals, seed);
  const f = (x: number): string => x.toFixed(3);
  const pct = (x: Row): string => `${(x.rate * 100).toFixed(1)} %`;
  const set = (s: PairResult['set']): PairResult[] => r.copies.filter((c) => c.set === s);
  const short = byKind(set('short'));
  const long = byKind(set('long'));
  const series = byKind(set('series'));
  const sizes = (s: PairResult['set']): string => {
    const xs = set(s)
      .filter((c) => c.kind === 'title')
      .map((c) => c.smaller)
      .sort((a, b) => a - b);
    return `median ${xs[Math.floor(xs.length / 2)]} shingles`;
  };
  const failures = checkDedupeTargets(r);
  const maxOf = (xs: PairResult[], k: 'jaccard' | 'containment'): string => f(Math.max(0, ...xs.map((x) => x[k])));
  const lines = [
    `## Dedupe eval — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Command: \`npm run eval:dedupe\` (seed ${seed}) · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version} · MinHash ${DEDUPE.hashes} hashes, LSH ${DEDUPE.bands}×${DEDUPE.rows}; same story at Jaccard ≥ ${DEDUPE.minJaccard} or containment ≥ ${DEDUPE.minContainment} (smaller text ≥ ${DEDUPE.minShinglesForContainment} shingles); short texts (< ${DEDUPE.shortTextShingles} shingles) apart when each has a number the other lacks`,
    '',
    `Generated from the project's own texts (evaluation/own-set/articles.txt): one copy per edit kind of each of the ${set('short').length / short.length} articles as written (${sizes('short')}) and of ${set('long').length / long.length} longer originals made by joining three of them (${sizes('long')}), and of ${set('series').length / series.length} pieces of five templated columns (gold price, lottery draw, exchange rate, weather, lunar calendar; eight days each, evaluation/templated-series.ts; ${sizes('series')}). Originals are indexed first (two days of a column must stay two stories), then every copy is claimed through \`claimStory\` in the same index. Jaccard and containment are the true values of the exact shingle sets. "merged" = joined its own original.`,
    '',
    '### Copies by edit kind',
    '',
    '| edit | merged (articles as written) | min / median Jaccard | merged (joined originals) | min / median Jaccard | merged (templated columns) | min / median Jaccard |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...short.map((s, i) => {
      const l = long[i]!;
      const t = series[i]!;
      return `| ${s.label} | ${s.merged}/${s.pairs} (${pct(s)}) | ${f(s.minJaccard)} / ${f(s.medianJaccard)} | ${l.merged}/${l.pairs} (${pct(l)}) | ${f(l.minJaccard)} / ${f(l.medianJaccard)} | ${t.merged}/${t.pairs} (${pct(t)}) | ${f(t.minJaccard)} / ${f(t.medianJaccard)} |`;
    }),
    '',
    '### Copies by true similarity (target: ≥ 97 % merged in the first five rows)',
    '',
    '| band | copies | merged | rate |',
    '|---|---:|---:|---:|',
    ...byBand(r.copies).map(
      (b) => `| ${b.label}${b.required ? '' : ' (not required)'} | ${b.pairs} | ${b.merged} | ${pct(b)} |`,
    ),
    '',
    '### Different stories (target: 0 merged at Jaccard ≤ 0.2)',
    '',
    '| pair kind | pairs | max Jaccard | max containment | merged | linked as (related kind) |',
    '|---|---:|---:|---:|---:|---|',
    ...byKind(r.negatives).map((k) => {
      const xs = r.negatives.filter((n) => n.kind === k.label);
      return `| ${k.label} | ${k.pairs} | ${maxOf(xs, 'jaccard')} | ${maxOf(xs, 'containment')} | ${k.merged} | ${relatedKinds(xs)} |`;
    }),
    '',
    `Copies joined to another original's story: ${greyMerges(r.copies)}; originals merged into one another: ${r.originalMerges.length}. \`dedupe compare\` against the index holding only that pair: ${r.copies.length + r.negatives.length - [...r.copies, ...r.negatives].filter((x) => !x.agrees).length} of ${r.copies.length + r.negatives.length} pairs agree. Worker-side cost: fingerprint ${r.msPerFingerprint.toFixed(3)} ms per copy; claim round trip ${r.msPerClaim.toFixed(3)} ms (local Redis).`,
    '',
    failures.length ? `Targets missed: ${failures.join('; ')}` : 'All targets met.',
    '',
  ];
  const real = await realSections(redis, prefix);
  lines.push(...real.lines);
  failures.push(...real.failures);
  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  if (process.argv.includes('--write')) writeBenchmarkSection(report);
  if (failures.length) process.exitCode = 1;
} finally {
  await clearPrefix(redis, prefix);
  redis.disconnect();
}
