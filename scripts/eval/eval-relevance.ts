// npm run eval:relevance [-- --write]: the relevance classifier on real material from ../shared
// (real Vietnamese news texts labelled on/off topic; RSS headlines labelled here), then on the
// project's own written set, which is a regression test and not an accuracy figure.
// Targets on real texts: precision ≥ 0.97, recall ≥ 0.97, no hard-negative class above 3 % false
// positives; F1 ≥ 0.95 on the headlines. --write appends the report to BENCHMARKS.md.
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { topicProfile } from '../../config/load-topics.js';
import { EVAL_DIR, loadEvalArticles } from '../../evaluation/own-eval-set.js';
import {
  loadHeadlines,
  loadMarks,
  loadRealTexts,
  REAL_TEXTS,
  RSS_ITEMS,
} from '../../evaluation/real-relevance-sets.js';
import { evaluateReal, evaluateRelevance, type RelevanceEval } from '../../evaluation/relevance-scores.js';

const f = (x: number): string => x.toFixed(3);
const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

function table(name: string, r: RelevanceEval, quoteTitles: boolean): string[] {
  const m = r.overall;
  return [
    `### ${name}`,
    '',
    '| precision | recall | F1 | TP | FP | FN | TN | borderline (on / off) | ms per text |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${f(m.precision)} | ${f(m.recall)} | ${f(m.f1)} | ${m.tp} | ${m.fp} | ${m.fn} | ${m.tn} | ${r.borderline.on} / ${r.borderline.off} | ${r.msPerText.toFixed(3)} |`,
    '',
    '| kind | correct / total | accepted (false-positive rate for off kinds) |',
    '|---|---:|---:|',
    ...[...r.byKind.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([k, v]) => `| ${k} | ${v.correct} / ${v.total} | ${k === 'on-topic' ? '' : pct(v.accepted, v.total)} |`),
    '',
    ...(r.errors.length
      ? [
          'Errors:',
          '',
          ...r.errors.map(
            (e) =>
              `- ${e.id} (${e.kind}, expected ${e.expected ? 'on' : 'off'}, got ${e.verdict}, score ${e.score}): ${e.reason}` +
              (quoteTitles ? ` — ${e.title}` : '') +
              ` — [${e.topTerms.join(', ')}]`,
          ),
          '',
        ]
      : ['Errors: none.', '']),
  ];
}

const profile = topicProfile();
const lines = [
  `## Relevance on real text — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Command: \`npm run eval:relevance\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version} · profile ${profile.name} (threshold ${profile.threshold}, borderline band ${profile.borderline})`,
  '',
];
const real = loadRealTexts();
if (real) {
  lines.push(
    `${real.length} real Vietnamese news excerpts, ../shared/reference/relevance (BORDER excluded). Targets: precision and recall ≥ 0.97, no off kind above 3 %.`,
    '',
    ...table('Real texts', evaluateReal(real), false),
  );
} else {
  lines.push(`skipped real texts: ${REAL_TEXTS} not found (../shared absent)`, '');
}
const heads = loadHeadlines();
if (heads) {
  lines.push(
    `${heads.length} RSS headlines naming Korea or the US (../shared/reference/rss-items-2026.jsonl.gz, labels in evaluation/own-set/headlines-2026.tsv), title alone. Target F1 ≥ 0.95.`,
    '',
    ...table('Headlines alone', evaluateReal(heads), false),
  );
} else {
  lines.push(`skipped headlines: ${RSS_ITEMS} not found (../shared absent)`, '');
}
const marksAt = process.argv.indexOf('--marks');
if (marksAt > 0) {
  const file = process.argv[marksAt + 1];
  if (!file) throw new Error('--marks needs a FILE (from tinwatch relevance marks)');
  const marks = loadMarks(file);
  lines.push(
    `${marks.length} stories marked on the dashboard (${file}).`,
    '',
    ...table('Marked borderline stories', evaluateReal(marks), false),
  );
}
const own = loadEvalArticles();
lines.push(
  `Regression set (written here, not an accuracy figure): ${own.length} texts of evaluation/own-set/articles.txt.`,
  '',
  ...table('Own regression set', evaluateRelevance(own), true),
);
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
if (process.argv.includes('--write')) appendFileSync(path.join(EVAL_DIR, '../../BENCHMARKS.md'), `\n${report}`);
