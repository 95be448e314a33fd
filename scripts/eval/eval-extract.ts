// npm run eval:extract [-- --write]: extraction measured on real material first — the real
// Vietnamese pages of the reference material (title exact, body token F1, as that set's
// README scores them) and the ScrapingHub benchmark scored by its own evaluate.py beside the
// peers' published outputs — then the project's own goldens as a regression check (not
// accuracy: they were written here). Without the reference material the real-material parts say so in one line.
// --write puts the report in BENCHMARKS.md, in place of its last run.
import os from 'node:os';
import path from 'node:path';
import { readGoldenCases } from '../../evaluation/golden-cases.js';
import { scoreGolden, summarize } from '../../evaluation/extraction-scores.js';
import { realPagesMissing, scoreRealPages } from '../../evaluation/real-pages.js';
import { benchmarkMissing, runBenchmark } from '../../evaluation/scrapinghub.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const goldenCases = (): ReturnType<typeof readGoldenCases> =>
  readGoldenCases(path.join(ROOT, 'test/fixtures'), path.join(ROOT, 'app/demo/sites'));
const scores = goldenCases().map((g) => scoreGolden(g));
const s = summarize(scores);
const generic = goldenCases().map((g) => scoreGolden(g, { genericOnly: true }));
const gs = summarize(generic);
const f = (x: number): string => x.toFixed(3);

function realPagesSection(): string[] {
  const missing = realPagesMissing();
  if (missing) return [missing];
  const rows = scoreRealPages();
  const mean = (xs: typeof rows) => xs.reduce((a, r) => a + r.f1, 0) / Math.max(1, xs.length);
  const configured = rows.filter((r) => r.source !== 'generic');
  const generic = rows.filter((r) => r.source === 'generic');
  return [
    '| page | read with | body P | body R | body F1 | title exact |',
    '|---|---|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.source} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${r.titleExact ? 'yes' : `no (${r.title ?? r.error})`} |`,
    ),
    '',
    `Configured outlets (their source file): mean body F1 **${f(mean(configured))}** on ${configured.length} pages (target ≥ 0.98 each). Outlets without a source file (generic extractor): **${f(mean(generic))}** on ${generic.length} pages (target ≥ 0.96).`,
  ];
}

function benchmarkSection(): string[] {
  const missing = benchmarkMissing();
  if (missing) return [missing];
  const run = runBenchmark();
  return [
    `${run.pages} pages, scored by the benchmark's own \`evaluate.py\` in one run; the peers' rows are their published outputs. tinwatch reads each page with the generic extractor alone (no source file), body = lead + paragraphs.`,
    '',
    '| extractor | version | F1 | precision | recall |',
    '|---|---|---:|---:|---:|',
    ...run.rows.map(
      (r) =>
        `| ${r.name === 'tinwatch' ? '**tinwatch**' : r.name} | ${r.version || '—'} | ${f(r.f1)} | ${f(r.precision)} | ${f(r.recall)} |`,
    ),
    '',
    `Pages where tinwatch wrote nothing: ${run.empty.length}${run.empty.length ? ` (${run.empty.map((e) => new URL(e.reason.match(/https?:\/\/\S+/)?.[0] ?? 'http://x').hostname).join(', ')})` : ''}.`,
  ];
}

const report = [
  `## Extraction eval — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Command: \`npm run eval:extract\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`,
  '',
  '### Real Vietnamese pages (reference material)',
  '',
  ...realPagesSection(),
  '',
  '### ScrapingHub article-extraction benchmark (reference material)',
  '',
  ...benchmarkSection(),
  '',
  '### Own goldens (regression check, not accuracy)',
  '',
  `${scores.length} golden pages written here. They pin behaviour as selectors and fallbacks change; being the project's own, they say nothing of accuracy on markup nobody here wrote.`,
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
if (process.argv.includes('--write')) writeBenchmarkSection(report);
