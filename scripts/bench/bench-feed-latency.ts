// Feed latency benchmark (issue 21, item 3): time from an item appearing in an outlet's feed to
// its alert, over a simulated day compressed in time, with the requests each host served. Three
// polling strategies run side by side in one run, each in its own process against its own copy of
// the outlets (same publishing schedule): the adaptive policy, a fixed poll every minute (the
// fastest the host spacing allows) and a fixed poll every 15 minutes (the cron schedule feeds had
// before).
// Usage: npm run bench:latency [-- --scale 60 --hours 24 --seed 7 --write]
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { FEED_POLL } from '../../config/feed-polling.js';
import type { RunOptions, RunResult } from './feed-latency/latency-run.js';
import { FEEDS, OUTLET_COUNT } from './feed-latency/publishing-day.js';
import { percentile } from './percentile.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const scale = arg('scale', 60);
const hours = arg('hours', 24);
const seed = arg('seed', 7);

const fixed = (ms: number) => ({ minIntervalMs: ms, maxIntervalMs: ms, pollsPerItemGap: 1 });
const runs: RunOptions[] = [
  { strategy: 'adaptive', scale, hours, seed },
  { strategy: 'every-1-min', limits: fixed(60_000), scale, hours, seed },
  { strategy: 'every-15-min', limits: fixed(15 * 60_000), scale, hours, seed },
];

function child(opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'feed-latency', 'latency-run.ts'), JSON.stringify(opts)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as RunResult);
      else reject(new Error(`${opts.strategy} run exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

const min = (ms: number): string => (ms / 60_000).toFixed(2);

const started = Date.now();
const results = await Promise.all(runs.map(child));
const perDay = 24 / hours;
const rows = results.map((r) => {
  const feedRequests = r.hosts.reduce((n, h) => n + h.feed200 + h.feed304, 0);
  const notModified = r.hosts.reduce((n, h) => n + h.feed304, 0);
  const minGap = Math.min(...r.hosts.map((h) => h.minFeedGapMs ?? Infinity));
  return `| ${r.strategy} | ${r.published} | ${r.latencies.length} | ${min(percentile(r.latencies, 50))} | ${min(percentile(r.latencies, 95))} | ${min(Math.max(...r.latencies))} | ${Math.round((feedRequests * perDay) / OUTLET_COUNT)} | ${((100 * notModified) / Math.max(1, feedRequests)).toFixed(0)} % | ${Number.isFinite(minGap) ? (minGap / 1000).toFixed(0) : '–'} s |`;
});
const hostRows = results.flatMap((r) =>
  r.hosts.map(
    (h) =>
      `| ${r.strategy} | ${h.host.split('.')[0]} (${FEEDS.filter((f) => `o${f.outlet}` === h.host.split('.')[0]).length} feeds) | ${Math.round((h.feed200 + h.feed304) * perDay)} | ${Math.round(h.feed304 * perDay)} | ${Math.round(h.other * perDay)} |`,
  ),
);
const report = [
  `## Feed latency — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Command: \`npm run bench:latency -- --scale ${scale} --hours ${hours} --seed ${seed}\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version} · wall time ${Math.round((Date.now() - started) / 60_000)} min`,
  '',
  `A simulated day (${hours} h at ${scale}× speed) of ${FEEDS.length} feeds on ${OUTLET_COUNT} hosts publishing ${FEEDS.map((f) => f.itemsPerDay).join(' + ')} items a day over Vietnamese news hours, with a night and an afternoon burst (scripts/bench/feed-latency/publishing-day.ts). Latency: item written to its feed on the replay server → alert received by a webhook on loopback, through the whole pipeline (poll, fetch, extract, relevance, dedupe, match, deliver). The wait for the poll is simulated time; the pipeline's work after it is counted in real time. Only items that alert are timed (off-topic items and wire copies are polled for but do not alert). The three strategies run at once, each in its own process on its own copy of the outlets.`,
  '',
  '| polling | items published | alerted | median (min) | p95 (min) | max (min) | feed requests per host per day | answered 304 | shortest gap between two feed requests to a host |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  `Requests per host per day (feeds; 304 among them; everything else: robots.txt, article pages). Host spacing required: ${FEED_POLL.hostSpacingMs / 1000} s.`,
  '',
  '| polling | host | feed requests | 304 | other requests |',
  '|---|---|---:|---:|---:|',
  ...hostRows,
  '',
].join('\n');
process.stdout.write(`${report}\n`);
if (process.argv.includes('--write')) writeBenchmarkSection(report);
