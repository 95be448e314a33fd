// npm run eval:dedupe:cv -- --param NAME --grid FROM:TO:STEP [--half dev|held-out] [--folds 5]:
// how well one threshold of the same-story rule (config/dedupe.ts) generalises inside one half of
// the real pairs. Clusters are dealt into folds (a story never sits on both sides); for each fold
// the value is chosen on the other folds (most copies merged, a pair apart merged costing ten
// copies; of equal scores the highest, for a minimum the strictest) and scored on the fold. Prints the value fixed in
// config beside the cross-validated total. Judged as `dedupe compare` judges (same-story.ts).
import { cliArg } from '../bench/cli-arg.js';
import { DEDUPE, type SameStoryRule } from '../../config/dedupe.js';
import { REAL_NEWS_CORPUS } from '../../evaluation/reference-material.js';
import { corpusPresent, loadNewsClusters } from '../../evaluation/real-news-corpus.js';
import { clusterPairs } from '../../evaluation/real-pair-labels.js';
import { halfOf } from '../../evaluation/real-pairs-scores.js';
import { fp } from '../../evaluation/dedupe-scores.js';
import { compareFingerprints } from '../../src/dedupe/same-story.js';
import type { Fingerprint } from '../../src/dedupe/fingerprint.js';

const param = cliArg('param', 'copyMinLeadRestated') as keyof SameStoryRule;
const [from, to, step] = cliArg('grid', '0.2:0.9:0.05').split(':').map(Number) as [number, number, number];
const half = cliArg('half', 'dev');
const folds = Number(cliArg('folds', '5'));
if (!(param in DEDUPE)) throw new Error(`no rule threshold ${param}`);
if (!corpusPresent(REAL_NEWS_CORPUS)) {
  process.stdout.write(`Skipped: needs a news-cluster corpus (${REAL_NEWS_CORPUS}); set TINWATCH_REAL_NEWS\n`);
  process.exit(0);
}

const grid: number[] = [];
for (let v = from; v <= to + 1e-9; v += step) grid.push(Number(v.toFixed(6)));
const pairs = clusterPairs(loadNewsClusters(REAL_NEWS_CORPUS)).filter(
  (p) => p.label !== 'grey' && halfOf(p.a.cluster) === half,
);
const prints = new Map<string, Fingerprint>();
const printOf = (d: (typeof pairs)[number]['a']): Fingerprint => {
  let f = prints.get(d.id);
  if (!f) prints.set(d.id, (f = fp(d)));
  return f;
};
// merged[i][g]: pair i merged with grid value g.
const merged = pairs.map((p) =>
  grid.map((value) => compareFingerprints(printOf(p.b), printOf(p.a), { ...DEDUPE, [param]: value }).same),
);
const clusters = [...new Set(pairs.map((p) => p.a.cluster))].sort();
const foldOf = new Map(clusters.map((c, i) => [c, i % folds]));

interface Tally {
  copies: number;
  copiesMerged: number;
  apart: number;
  apartMerged: number;
}
function tally(keep: (i: number) => boolean, g: number): Tally {
  const t = { copies: 0, copiesMerged: 0, apart: 0, apartMerged: 0 };
  pairs.forEach((p, i) => {
    if (!keep(i)) return;
    if (p.label === 'copy') {
      t.copies++;
      if (merged[i]![g]) t.copiesMerged++;
    } else {
      t.apart++;
      if (merged[i]![g]) t.apartMerged++;
    }
  });
  return t;
}
const score = (t: Tally): number => t.copiesMerged - 10 * t.apartMerged;

const total = { copies: 0, copiesMerged: 0, apart: 0, apartMerged: 0 };
const chosen: number[] = [];
for (let f = 0; f < folds; f++) {
  const train = (i: number): boolean => foldOf.get(pairs[i]!.a.cluster) !== f;
  let best = 0;
  // Of equal scores the highest value: the rule's thresholds are minimums, so the strictest.
  grid.forEach((_, g) => {
    if (score(tally(train, g)) >= score(tally(train, best))) best = g;
  });
  chosen.push(grid[best]!);
  const t = tally((i) => !train(i), best);
  for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
}
const fixed = grid.findIndex((v) => Math.abs(v - DEDUPE[param]) < 1e-9);
const line = (t: Tally): string =>
  `copies merged ${t.copiesMerged}/${t.copies} (${((t.copiesMerged / t.copies) * 100).toFixed(1)} %), pairs apart merged ${t.apartMerged}/${t.apart}`;
process.stdout.write(
  `${half} half, ${pairs.length} labelled pairs in ${clusters.length} clusters; ${param} over ${grid.join(', ')}\n` +
    (fixed >= 0 ? `fixed ${DEDUPE[param]} (config): ${line(tally(() => true, fixed))}\n` : '') +
    `${folds}-fold cross-validation by cluster, chosen per fold ${chosen.join(', ')}: ${line(total)}\n`,
);
