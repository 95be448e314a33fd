// npm run eval:extract [-- --write]: scores every golden fixture (test/fixtures/<source>/*.expected.*)
// — body token P/R/F1, exact title, date to the minute — and prints the table; --write appends
// it to BENCHMARKS.md. Targets: body F1 ≥ 0.97 on average and ≥ 0.90 on every page, title ≥ 99 %,
// date ≥ 98 %.
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goldenCases } from '../../test/helpers/fixtures.js';
import { EVAL_DIR } from './eval-set.js';
import { scoreGolden, summarize } from './extract-eval.js';

const scores = goldenCases().map((g) => scoreGolden(g));
const s = summarize(scores);
const generic = goldenCases().map((g) => scoreGolden(g, { genericOnly: true }));
const gs = summarize(generic);
const f = (x: number): string => x.toFixed(3);
const report = [
  `## Extraction eval — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Command: \`npm run eval:extract\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version} · ${scores.length} golden pages. Targets: body F1 ≥ 0.97 mean and ≥ 0.90 each, title exact ≥ 99 %, date to the minute ≥ 98 %.`,
  '',
  '| page | body P | body R | body F1 | title exact | date to the minute | fallbacks |',
  '|---|---:|---:|---:|---|---|---|',
  ...scores.map(
    (x) =>
      `| ${x.page} | ${f(x.precision)} | ${f(x.recall)} | ${f(x.f1)} | ${x.titleExact ? 'yes' : 'no'} | ${x.dateToMinute === null ? '—' : x.dateToMinute ? 'yes' : 'no'} | ${x.error ?? (x.fallbacks.join(', ') || '—')} |`,
  ),
  '',
  `Mean body F1 **${f(s.meanF1)}**, lowest ${f(s.minF1)}; title exact ${(s.title * 100).toFixed(0)} %; date ${(s.date * 100).toFixed(0)} %. The goldens are the fixtures' expected outputs, so this measures how close extraction stays to them as selectors and fallbacks change — not accuracy on unseen markup.`,
  '',
  'The generic fallback alone (every per-source selector and drop rule removed: JSON-LD, OpenGraph/meta, text density) — what an outlet whose markup changed gets:',
  '',
  '| page | body P | body R | body F1 | title exact | date to the minute |',
  '|---|---:|---:|---:|---|---|',
  ...generic.map(
    (x) =>
      `| ${x.page} | ${f(x.precision)} | ${f(x.recall)} | ${f(x.f1)} | ${x.titleExact ? 'yes' : 'no'} | ${x.dateToMinute === null ? '—' : x.dateToMinute ? 'yes' : 'no'}${x.error ? ` (${x.error})` : ''} |`,
  ),
  '',
  `Generic only: mean body F1 **${f(gs.meanF1)}**, lowest ${f(gs.minF1)}; title exact ${(gs.title * 100).toFixed(0)} %; date ${(gs.date * 100).toFixed(0)} %.`,
  '',
].join('\n');
process.stdout.write(`${report}\n`);
if (process.argv.includes('--write')) appendFileSync(path.join(EVAL_DIR, '../../BENCHMARKS.md'), `\n${report}`);
