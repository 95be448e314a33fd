// npm run eval:wcxb [-- --split dev|test] [-- --half even|odd] [-- --worst N]: the generic
// extractor on the WCXB benchmark's article pages (evaluation/wcxb.ts says where the set is read
// from), mean word F1, empty outputs and time per page. The development split by default; the
// test split is the hold-out, scored only to report, never to tune. `--half` keeps the pages
// whose file number is even or odd: changes are made looking at one half and reported on the
// other. Without the set it says so in one line.
import os from 'node:os';
import { cliOption } from '../bench/cli-arg.js';
import { readWcxb, scoreWcxbPage, wcxbMissing } from '../../evaluation/wcxb.js';

const missing = wcxbMissing();
if (missing) {
  process.stdout.write(`eval:wcxb ${missing}\n`);
  process.exit(0);
}
const split = cliOption('split') ?? 'dev';
const half = cliOption('half');
const pages = readWcxb(split, cliOption('type') ?? 'article').filter(
  (p) => half === undefined || (Number.parseInt(p.id, 10) % 2 === 0) === (half === 'even'),
);
const scores = pages.map(scoreWcxbPage);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const ms = scores.map((s) => s.ms).sort((a, b) => a - b);
const empty = scores.filter((s) => s.empty);
const f = (x: number): string => x.toFixed(3);
process.stdout.write(
  [
    `WCXB ${split} split${half ? ` (${half} half)` : ''}, ${cliOption('type') ?? 'article'} pages: ${scores.length}; ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}`,
    '',
    '| mean word F1 | precision | recall | empty outputs | median ms per page |',
    '|---:|---:|---:|---:|---:|',
    `| ${f(mean(scores.map((s) => s.f1)))} | ${f(mean(scores.map((s) => s.precision)))} | ${f(mean(scores.map((s) => s.recall)))} | ${empty.length} (${((100 * empty.length) / Math.max(1, scores.length)).toFixed(1)} %) | ${ms[Math.floor(ms.length / 2)]?.toFixed(1)} |`,
    '',
  ].join('\n'),
);
const worst = Number(cliOption('worst') ?? 0);
for (const s of [...scores].sort((a, b) => a.f1 - b.f1).slice(0, worst)) {
  process.stdout.write(`${s.id} F1 ${f(s.f1)} P ${f(s.precision)} R ${f(s.recall)} ${s.empty ?? ''} ${s.url}\n`);
}
