// node --import tsx scripts/eval/relevance-oof.ts OUT.tsv [--set NAME] [--nested]: the out-of-fold verdict on
// every labelled text of one development set (vietnews, the mirror texts, unless --set names
// `articles` or `excerpts`), for auditing the labels (issue 33: do our labels draw the guide's
// line?) and for reading the model's misses by class (ids only). --nested lets each fold's inner
// cross-validation choose the L2 strength and epochs (TRAIN_GRID) instead of the fixed defaults.
// It runs the same cross-validation as `npm run eval:relevance` (same folds, same thresholds per
// fold), prints that report's cross-validated section, and writes one row per text of that set to
// OUT.tsv: its id, label, out-of-fold probability, verdict, its fold's threshold, whether the
// verdict disagrees with the label, and how confidently (the distance in log-odds from the
// threshold). OUT.tsv holds ids and labels only; keep it outside the repository when auditing
// blind, since the label beside each id is what a blind re-read must not see.
import { writeFileSync } from 'node:fs';
import { cliArg } from '../bench/cli-arg.js';
import { topicProfile } from '../../config/load-topics.js';
import { crossValidatedReport } from '../../evaluation/relevance-cv-report.js';
import { crossValidate, prepare, realDevItems, TRAIN_GRID } from '../../evaluation/relevance-cv.js';

const out = process.argv[2];
if (!out || out.startsWith('--'))
  throw new Error('usage: relevance-oof.ts OUT.tsv [--set vietnews|articles|excerpts] [--nested]');
const set = cliArg('set', 'vietnews');
const dev = realDevItems();
if (!dev) {
  process.stdout.write('skipped: the reference material is absent\n');
  process.exit(0);
}
const prep = prepare(dev, topicProfile());
const cv = crossValidate(prep, process.argv.includes('--nested') ? { grid: TRAIN_GRID } : {});
process.stdout.write(
  `${crossValidatedReport(
    dev,
    cv,
    prep.rules.map((r) => r.verdict),
  ).join('\n')}\n`,
);

const logit = (p: number): number => Math.log(Math.max(p, 1e-9) / Math.max(1 - p, 1e-9));
const rows = ['id\tlabel\tkind\tprobability\tverdict\ton_from\tdisputed\tconfidence'];
dev.forEach((it, i) => {
  if (it.set !== set) return;
  const t = cv.thresholds[cv.fold[i]!]!;
  const p = cv.prob[i]!;
  // Disputed as the scores count it: an ON text not judged on, an OFF text judged on.
  const disputed = (cv.verdict[i] === 'on') !== it.onTopic;
  const confidence = Math.abs(logit(p) - logit(t.onFrom));
  rows.push(
    [it.id, it.onTopic ? 'ON' : 'OFF', it.kind, p.toFixed(4), cv.verdict[i], t.onFrom.toFixed(4), disputed ? 1 : 0]
      .concat(confidence.toFixed(3))
      .join('\t'),
  );
});
writeFileSync(out, `${rows.join('\n')}\n`);
process.stderr.write(`${rows.length - 1} ${set} texts written to ${out}\n`);
