// Feed latency benchmark (issue 21 item 3, issue 36 item 6): time from an item appearing in an
// outlet's feed to its story written and to its alert, over whole simulated days compressed in
// time, with the feed requests each host served. Each seed is a different day of publishing
// (publishing-day.ts); each polling strategy runs on the same day in its own process against its
// own copy of the outlets: the adaptive policy, a fixed poll every minute (the fastest the host
// spacing allows) and, on request, every 15 minutes (the cron schedule feeds had before).
// Usage: npm run bench:latency [-- --scale 60 --hours 24 --seeds 7,11,23,101 --with-15 --parallel 8 --write]
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { FEED_POLL } from '../../config/feed-polling.js';
import type { RunOptions, RunResult } from './feed-latency/latency-run.js';
import { latencyReport } from './feed-latency/latency-report.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';
import { cliArg } from './cli-arg.js';

const scale = Number(cliArg('scale', '60'));
const hours = Number(cliArg('hours', '24'));
// Seed 7 is the day the policy was tuned on; the others are days it never saw.
const seeds = cliArg('seeds', cliArg('seed', '7,11,23')).split(',').map(Number);
const parallel = Number(cliArg('parallel', '8'));

const fixed = (ms: number) => ({ minIntervalMs: ms, maxIntervalMs: ms, pollsPerItemGap: 1 });
const strategies: Omit<RunOptions, 'scale' | 'hours' | 'seed'>[] = [
  { strategy: 'adaptive' },
  { strategy: 'every-1-min', limits: fixed(60_000) },
  ...(process.argv.includes('--with-15') ? [{ strategy: 'every-15-min', limits: fixed(15 * 60_000) }] : []),
];
const runs: RunOptions[] = seeds.flatMap((seed) => strategies.map((s) => ({ ...s, scale, hours, seed })));

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
      else reject(new Error(`${opts.strategy} seed ${opts.seed} exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

/** Runs at most `limit` children at once, results in the order of `runs`. */
async function runAll(limit: number): Promise<RunResult[]> {
  const results: RunResult[] = new Array<RunResult>(runs.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < runs.length) {
      const i = next++;
      results[i] = await child(runs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, runs.length)) }, lane));
  return results;
}

const started = Date.now();
const results = await runAll(parallel);
const command = `npm run bench:latency -- --scale ${scale} --hours ${hours} --seeds ${seeds.join(',')}`;
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os.loadavg()[1]!.toFixed(1)} (5 min) at the end`;
const report = latencyReport(results, {
  command,
  machine,
  wallMinutes: Math.round((Date.now() - started) / 60_000),
  hostSpacingS: FEED_POLL.hostSpacingMs / 1000,
});
process.stdout.write(report);
if (process.argv.includes('--write')) writeBenchmarkSection(report);
