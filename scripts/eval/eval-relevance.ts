// npm run eval:relevance [-- --write]: precision, recall and F1 of the relevance classifier on
// test/eval/articles.txt (target F1 ≥ 0.95); --write appends the table to BENCHMARKS.md.
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RELEVANCE } from '../../config/relevance.js';
import { EVAL_DIR, loadEvalArticles } from './eval-set.js';
import { evaluateRelevance } from './relevance-eval.js';

const articles = loadEvalArticles();
const r = evaluateRelevance(articles);
const m = r.overall;
const f = (x: number): string => x.toFixed(3);
const lines = [
  `## Relevance eval — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Command: \`npm run eval:relevance\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version} · threshold ${RELEVANCE.threshold}`,
  '',
  `${articles.length} labelled texts (${articles.filter((a) => a.onTopic).length} on topic, ${articles.filter((a) => !a.onTopic).length} off topic incl. near misses), test/eval/articles.txt. Target F1 ≥ 0.95.`,
  '',
  '| precision | recall | F1 | TP | FP | FN | TN |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  `| ${f(m.precision)} | ${f(m.recall)} | ${f(m.f1)} | ${m.tp} | ${m.fp} | ${m.fn} | ${m.tn} |`,
  '',
  'Per kind (share classified correctly):',
  '',
  '| kind | correct / total |',
  '|---|---:|',
  ...[...r.byKind.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, v]) => `| ${k} | ${v.correct} / ${v.total} |`),
  '',
  ...(r.errors.length
    ? [
        'Misclassified:',
        '',
        ...r.errors.map(
          (e) =>
            `- ${e.id} (${e.kind}, expected ${e.expected ? 'on' : 'off'}, score ${e.score}): ${e.title} — [${e.topTerms.join(', ')}]`,
        ),
        '',
      ]
    : []),
];
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
if (process.argv.includes('--write')) appendFileSync(path.join(EVAL_DIR, '../../BENCHMARKS.md'), `\n${report}`);
