// npm run eval:relevance [-- --write]: the relevance classifier on real material from the
// reference set (real Vietnamese news excerpts and whole 2017 articles labelled on/off topic; RSS
// headlines labelled here): first cross-validated by story (the figure that predicts unseen text),
// then cross-validated by outlet (the hold-out's excerpts come from outlets not in the development
// set), then the shipped classifier's fit on each set, then the project's own written set, which is a
// regression test and not an accuracy figure. Targets: ON precision and recall ≥ 0.97 on each
// set; F1 ≥ 0.95 on the headlines. --write puts the report in BENCHMARKS.md, in place of its last run.
import os from 'node:os';
import { cliOption } from '../bench/cli-arg.js';
import { topicProfile } from '../../config/load-topics.js';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import {
  loadHeadlines,
  loadMarks,
  loadRealArticles,
  loadRealTexts,
  REAL_ARTICLES_2017,
  REAL_TEXTS,
  RSS_ITEMS,
} from '../../evaluation/real-relevance-sets.js';
import { crossValidatedReport, TIMED_PASSES, timePerText } from '../../evaluation/relevance-cv-report.js';
import { loadMirrorSet } from '../../evaluation/mirror-relevance-set.js';
import { crossValidate, prepare, realDevItems } from '../../evaluation/relevance-cv.js';
import { outletSplitReport } from '../../evaluation/relevance-outlet-cv.js';
import { evaluateReal, evaluateRelevance, type RelevanceEval } from '../../evaluation/relevance-scores.js';
import { classifyRelevance } from '../../src/relevance/classify-relevance.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';

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
const dev = realDevItems();
if (dev) {
  const prep = prepare(dev, profile);
  const cv = crossValidate(prep);
  lines.push(
    ...crossValidatedReport(
      dev,
      cv,
      prep.rules.map((r) => r.verdict),
    ),
    ...outletSplitReport(prep).lines,
  );
  const timed = (set: string, what: string): string => {
    const texts = dev.filter((i) => i.set === set);
    const t = timePerText(texts, (i) => classifyRelevance(i.input));
    return `- ${texts.length} ${what}: ${t.cpu.toFixed(3)} ms CPU per article (mean; p95 ${t.p95.toFixed(3)}, slowest ${t.max.toFixed(3)}), ${t.wall.toFixed(3)} ms wall per article and pass on this shared machine.`;
  };
  lines.push(
    `Time per whole article (rules and model, the product's classifyRelevance; per article its least CPU time over ${TIMED_PASSES} passes after a warm-up):`,
    '',
    timed('articles', '2017 articles'),
    ...(dev.some((i) => i.set === 'vietnews') ? [timed('vietnews', 'VietNews articles')] : []),
    '',
    '### Fit (the shipped classifier on the texts it was trained on — not a generalization figure)',
    '',
  );
} else {
  lines.push(`skipped cross-validation: ${REAL_TEXTS} or ${REAL_ARTICLES_2017} not found`, '');
}
const mirrored = loadMirrorSet().items;
if (mirrored.length)
  lines.push(
    `${mirrored.length} VietNews articles labelled here (evaluation/own-set/mirror-relevance-labels.tsv, read from the repository's mirror; BORDER excluded), fit.`,
    '',
    ...table('VietNews articles', evaluateReal(mirrored), false),
  );
const real = loadRealTexts();
const wholeArticles = loadRealArticles();
if (wholeArticles)
  lines.push(
    `${wholeArticles.length} whole 2017 articles (BORDER excluded), fit.`,
    '',
    ...table('Whole articles 2017', evaluateReal(wholeArticles), false),
  );
if (real) {
  lines.push(
    `${real.length} real Vietnamese news excerpts (BORDER excluded), fit.`,
    '',
    ...table('Real texts', evaluateReal(real), false),
  );
} else {
  lines.push(`skipped real texts: ${REAL_TEXTS} not found (reference material absent)`, '');
}
const heads = loadHeadlines();
if (heads) {
  lines.push(
    `${heads.length} RSS headlines naming Korea or the US (reference rss-items-2026.jsonl.gz, labels in evaluation/own-set/headlines-2026.tsv), title alone. Target F1 ≥ 0.95.`,
    '',
    ...table('Headlines alone', evaluateReal(heads), false),
  );
} else {
  lines.push(`skipped headlines: ${RSS_ITEMS} not found (reference material absent)`, '');
}
if (process.argv.includes('--marks')) {
  const file = cliOption('marks');
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
if (process.argv.includes('--write')) writeBenchmarkSection(report);
