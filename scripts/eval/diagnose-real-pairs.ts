// npm run eval:dedupe:diagnose [-- --half dev|held-out] [-- --show-text] [-- --series]
// [-- --corpus vietnews]: why the rule decided as it did on the real pairs it gets wrong (copies
// kept apart, pairs apart merged; with --series, two days of a real recurring column merged,
// real-series.ts; with --corpus vietnews, the VietNews republications of vietnews-pairs.ts), one half at a time so a change is designed on the development half without
// reading the held-out one. For each pair: the later text's title and lead facts the earlier text
// holds nowhere (t = title figure, n = lead figure, p = lead name), the earlier lead's figures the
// later text lacks, and the step that decided. Judged as `dedupe compare` judges (same-story.ts),
// which the eval checks against the index. Prints to the terminal only: the corpus is read in
// place, never copied.
import { cliArg, cliOption } from '../bench/cli-arg.js';
import { REAL_NEWS_CORPUS } from '../../evaluation/reference-material.js';
import { corpusPresent, loadNewsClusters, type NewsDoc } from '../../evaluation/real-news-corpus.js';
import { clusterPairs } from '../../evaluation/real-pair-labels.js';
import { loadRealSeries, seriesMirrorPresent } from '../../evaluation/real-series.js';
import { loadVietnewsPairs } from '../../evaluation/vietnews-pairs.js';
import { halfOf } from '../../evaluation/real-pairs-scores.js';
import { fp } from '../../evaluation/dedupe-scores.js';
import { compareFingerprints } from '../../src/dedupe/same-story.js';
import { explainLeadFacts } from '../../src/dedupe/explain-lead-facts.js';

const half = cliArg('half', 'dev');
const showText = process.argv.includes('--show-text');

const series = process.argv.includes('--series');
// Both VietNews sets read the mirror; the news clusters are a corpus of their own.
const corpus = cliOption('corpus');
const vietnews = corpus === 'vietnews';
if ((corpus !== undefined && !vietnews) || (series && vietnews) || !['dev', 'held-out'].includes(half)) {
  process.stderr.write(
    'usage: eval:dedupe:diagnose [--half dev|held-out] [--show-text] [--series | --corpus vietnews]\n',
  );
  process.exit(2);
}
if (series || vietnews ? !seriesMirrorPresent() : !corpusPresent(REAL_NEWS_CORPUS)) {
  process.stdout.write(
    series || vietnews
      ? 'Skipped: needs the VietNews mirror (TINWATCH_MIRRORS)\n'
      : `Skipped: needs a news-cluster corpus (${REAL_NEWS_CORPUS}); set TINWATCH_REAL_NEWS\n`,
  );
  process.exit(0);
}
const loaded = series
  ? loadRealSeries().pairs
  : vietnews
    ? loadVietnewsPairs().pairs
    : clusterPairs(loadNewsClusters(REAL_NEWS_CORPUS));
const pairs = loaded.filter((p) => halfOf(p.a.cluster) === half);
const f3 = (x: number): string => x.toFixed(3);
const text = (d: NewsDoc): string => `    ${d.title}\n    ${d.lead ?? d.paragraphs[0] ?? ''}`;
let wrong = 0;
for (const p of pairs) {
  if (p.label === 'grey') continue;
  const [fa, fb] = [fp(p.a), fp(p.b)];
  const v = compareFingerprints(fb, fa);
  if (v.same === (p.label === 'copy')) continue;
  wrong++;
  const e = explainLeadFacts(p.b, p.a);
  const list = (xs: { kind: string; value: string }[]): string =>
    xs.map((x) => `${x.kind}:${x.value}`).join(' ') || '–';
  process.stdout.write(
    `${p.label === 'copy' ? 'COPY KEPT APART' : 'APART MERGED'} ${p.id} (${p.kind}) J ${f3(v.jaccard)} C ${f3(v.containment)} · ${v.basis} · ${v.related ?? 'unrelated'}\n` +
      `  new in the later lead: ${list(e.fresh)} · known: ${e.known.length} · earlier lead figures it lacks: ${list(e.dropped)}\n`,
  );
  if (showText) process.stdout.write(`  earlier:\n${text(p.a)}\n  later:\n${text(p.b)}\n`);
}
const scored = pairs.filter((p) => p.label !== 'grey').length;
process.stdout.write(`${half} half: ${wrong} of ${scored} labelled pairs decided against their label\n`);
