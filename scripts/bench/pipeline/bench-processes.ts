// The benchmark's processes: each measured run as a child (clean memory, its own peak RSS), the
// replay servers, and what Redis and /proc say about the CPU they used.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { PIPELINE } from '../../../config/pipeline.js';
import type { RunResult } from './measured-runs.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The heap budget tinwatch ships with (Dockerfile, npm start); both measured runs get it. */
export const HEAP_FLAG = `--max-old-space-size=${PIPELINE.heapBudgetMb}`;
// BENCH_NODE_FLAGS replaces it for both measured runs (e.g. another budget, or none with '').
export const RUN_FLAGS = (process.env.BENCH_NODE_FLAGS ?? HEAP_FLAG).split(/\s+/).filter(Boolean);

export async function child(
  mode: string,
  replayUrl: string,
  redisUrl: string,
  /** Where the pipeline writes its files ('-' for the bare crawler, which writes none). */
  outDir: string,
  flags: string[] = RUN_FLAGS,
): Promise<RunResult> {
  // BENCH_PROFILE=DIR writes a V8 CPU profile of each run there (how the top cost was found).
  const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const args = [
    ...prof,
    ...flags,
    '--import',
    'tsx',
    path.join(ROOT, 'scripts/bench/bench-pipeline.ts'),
    '--child',
    mode,
    replayUrl,
    redisUrl,
    outDir,
  ];
  const out = execFileSync(process.execPath, args, {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as RunResult;
}

/** CPU seconds a process has used so far (Linux /proc; clock ticks are 1/100 s). */
export function processCpuSecs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A replay server for a site folder, and its URL once it listens. */
export async function startReplay(dir: string): Promise<[ChildProcess, string]> {
  const replay = spawn(process.execPath, [path.join(ROOT, 'bin/tinwatch.js'), 'replay', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    replay.stdout!.on('data', (d: Buffer) => {
      const m = /replay server on (\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
  });
  return [replay, url];
}

/** Average size of a site's article pages, in KiB. */
export function kib(dir: string): string {
  let bytes = 0;
  let pages = 0;
  for (const host of readdirSync(dir)) {
    for (const f of readdirSync(path.join(dir, host)).filter((x) => x.endsWith('.html'))) {
      bytes += statSync(path.join(dir, host, f)).size;
      pages++;
    }
  }
  return (bytes / pages / 1024).toFixed(1);
}

export async function flushRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  await client.flushall();
  client.disconnect();
}

/** Redis commands by name since the last reset (INFO commandstats), and the CPU Redis used. */
export async function redisCommandStats(
  url: string,
  reset: boolean,
): Promise<{ calls: Map<string, number>; cpuSecs: number }> {
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  try {
    const text = await client.info('commandstats');
    const cpu = await client.info('cpu');
    if (reset) await client.config('RESETSTAT');
    const calls = new Map<string, number>();
    for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(m[1]!, Number(m[2]));
    const num = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? 0);
    return { calls, cpuSecs: num('used_cpu_sys') + num('used_cpu_user') };
  } finally {
    client.disconnect();
  }
}
