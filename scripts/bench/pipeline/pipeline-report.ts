// The pipeline benchmark's report: every round's runs, the median ratio, where the CPU and the
// time went, and what each written story costs on disk — as appended to BENCHMARKS.md.
import os from 'node:os';
import type { StorageReport } from '../../../src/archive/storage.js';
import { OUTLETS } from '../../../app/replay/synthetic-site.js';
import { HEAP_FLAG, RUN_FLAGS } from './bench-processes.js';
import { CONCURRENCY, PAGES, type RunResult } from './measured-runs.js';

export interface Round {
  bare: RunResult;
  pipeline: RunResult;
  replayCpuBare: number;
  replayCpuPipeline: number;
  redisCalls: Map<string, number>;
  redisCpu: number;
}

export interface BenchResults {
  rounds: Round[];
  unbudgeted: RunResult;
  bareUnbudgeted: RunResult;
  bareMarkupOnly: RunResult;
  markupOnly: RunResult;
  disk: StorageReport;
  siteKib: string;
  bareSiteKib: string;
}

export function pipelineReport(res: BenchResults): string {
  const { rounds, unbudgeted, bareUnbudgeted, bareMarkupOnly, markupOnly, disk, siteKib, bareSiteKib } = res;
  const ROUNDS = rounds.length;
  const rate = (r: RunResult) => r.pages / r.seconds;
  const ratio = (x: Round) => rate(x.pipeline) / rate(x.bare);
  const byRatio = [...rounds].sort((a, b) => ratio(a) - ratio(b));
  const median = byRatio[Math.floor((byRatio.length - 1) / 2)]!;
  const single = median.pipeline;
  const redisCalls = [...median.redisCalls].sort((a, b) => b[1] - a[1]);
  const redisTotal = redisCalls.reduce((n, [, c]) => n + c, 0);
  const row = (label: string, x: RunResult) =>
    `| ${label} | ${x.pages} | ${x.seconds.toFixed(1)} | ${rate(x).toFixed(0)} | ${x.peakRssMb} | ${x.cpuSecs?.toFixed(1)} |`;
  const cpuRow = (label: string, x: RunResult, redisCpu: number, replayCpu: number): string => {
    const th = x.threads;
    const cells = th ? [th.main, th.v8Helpers, th.startedDuringRun] : [NaN, NaN, NaN];
    const all = cells.reduce((a, b) => a + b, 0) + redisCpu + replayCpu;
    const kernel = th?.kernel ?? NaN;
    return `| ${label} | ${[...cells, kernel, redisCpu, replayCpu, all].map((v) => v.toFixed(1)).join(' | ')} |`;
  };
  const stageRows = Object.entries(single.stages ?? {})
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([k, v]) => `| ${k} | ${v.n} | ${(v.ms / 1000).toFixed(2)} | ${(v.ms / v.n).toFixed(2)} |`);
  const report = [
    `## Pipeline — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Command: \`npm run bench\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} · ${PAGES} article pages of ${siteKib} KiB on average (news-site page chrome around the article; ${bareSiteKib} KiB for the article markup alone), ${OUTLETS} outlets, at most ${CONCURRENCY} concurrent requests in a run (tinwatch: 2 per host; the bare crawler: crawlee's autoscaled pool, which keeps 10 in flight — 24 measured the same) · ${ROUNDS} rounds · node flags of the rounds: \`${RUN_FLAGS.join(' ') || '(none)'}\` (tinwatch's shipped heap budget is \`${HEAP_FLAG}\`) · article threads: ${process.env.TINWATCH_ARTICLE_THREADS ?? 'default'}`,
    '',
    '| run | pages | seconds | pages/s | peak RSS (MB) | CPU (s) |',
    '|---|---:|---:|---:|---:|---:|',
    ...rounds.flatMap((x, i) => [
      row(`round ${i + 1}: bare crawlee CheerioCrawler (fetch only)`, x.bare),
      row(`round ${i + 1}: tinwatch end to end (\`crawl --once\`)`, x.pipeline),
    ]),
    row('bare crawlee CheerioCrawler, V8 default heap (for comparison)', bareUnbudgeted),
    row('tinwatch end to end, V8 default heap (for comparison)', unbudgeted),
    row('bare crawlee CheerioCrawler, article markup only (for comparison)', bareMarkupOnly),
    row('tinwatch end to end, article markup only (for comparison)', markupOnly),
    '',
    `Ratio end to end / bare with the same flags, per round: ${rounds.map((x) => ratio(x).toFixed(2)).join(', ')}; median **${ratio(median).toFixed(2)}** (target ≥ 0.7). With V8's default heap on both sides: ${(rate(unbudgeted) / rate(bareUnbudgeted)).toFixed(2)}. On the article markup alone (no page chrome, ${bareSiteKib} KiB pages): ${(rate(markupOnly) / rate(bareMarkupOnly)).toFixed(2)}. End to end ≥ 150 pages/s and peak RSS ≤ 600 MB are the other targets. Alert jobs are queued (matching is measured); their delivery is not part of the run. The lines below are from the median round.`,
    `Outcomes: ${JSON.stringify(single.totals)}`,
    `Disk per written article (\`tinwatch storage report\` on one round's output; WARC capture on, as shipped): ${disk.perArticle ? `${(disk.perArticle.textBytes / 1024).toFixed(1)} KiB of text, ${(disk.perArticle.warcBytes / 1024).toFixed(1)} KiB of WARC (request, response and metadata records, gzip per record)` : 'nothing written'}; manifest ${(disk.totals.manifestBytes / Math.max(1, disk.totals.articles) / 1024).toFixed(2)} KiB per article.`,
    `CPU of the replay server that served the pages: ${median.replayCpuBare.toFixed(1)} s during the bare run, ${median.replayCpuPipeline.toFixed(1)} s during the end-to-end run.`,
    `Redis during the end-to-end run: ${(redisTotal / single.pages).toFixed(1)} commands per page, ${median.redisCpu.toFixed(1)} s of Redis CPU; most called: ${redisCalls
      .slice(0, 8)
      .map(([name, n]) => `${name} ${(n / single.pages).toFixed(1)}`)
      .join(', ')} (per page).`,
    '',
    'CPU seconds by thread in the median round (Linux /proc; V8 helpers are its garbage-collection and compiler threads; threads started during the run are the article worker threads and libuv pool threads):',
    '',
    '| run | main thread | V8 helpers | threads started during the run | of these three, in the kernel | Redis | replay server | all |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    cpuRow('bare crawlee CheerioCrawler', median.bare, 0, median.replayCpuBare),
    cpuRow('tinwatch end to end', median.pipeline, median.redisCpu, median.replayCpuPipeline),
    '',
    'Where the time goes in the end-to-end run (crawling thread and article threads; summed over concurrent jobs, so stages overlap in wall time):',
    '',
    '| stage | calls | total (s) | per call (ms) |',
    '|---|---:|---:|---:|',
    ...stageRows,
    '',
  ].join('\n');
  return report;
}
