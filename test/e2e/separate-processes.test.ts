// Scale-out: `tinwatch worker` processes in their own OS processes do the work that
// `crawl --once --remote-workers` enqueues; SIGTERM shuts a worker down cleanly (exit 0).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { SITES } from '../helpers/fixtures.js';
import { BUNDLED_FIRST_RUN_TOTALS, BUNDLED_WRITTEN_NNN } from '../helpers/bundled-run.js';
import { testRuntime } from '../helpers/test-runtime.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; ready: Promise<void>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (/"msg":"(workers started|tinwatch started)"/.test(log)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited early (${code}): ${log}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exit };
}

describe('separate worker processes', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    replay = await startReplayServer(SITES);
    const originMap = replayOriginMap(replay.url, readdirSync(SITES));
    rt = await testRuntime({ originMap });
    env = {
      ...process.env,
      REDIS_URL: inject('redisUrl'),
      TINWATCH_PREFIX: rt.keys.prefix,
      TINWATCH_OUT: rt.outDir,
      TINWATCH_ORIGIN_MAP: JSON.stringify(originMap),
      LOG_LEVEL: 'info',
    };
  });
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('two worker processes share the queues and write every article once', async () => {
    const w1 = startProcess(['worker'], env);
    const w2 = startProcess(['worker'], env);
    await Promise.all([w1.ready, w2.ready]);
    const summary = await crawlOnce(rt, { sources: rt.sources, useRemoteWorkers: true, pollMs: 50, timeoutMs: 60_000 });
    expect(summary.totals).toEqual(BUNDLED_FIRST_RUN_TOTALS);
    const files = readdirSync(path.join(rt.outDir, 'articles')).sort();
    expect(files.map((f) => f.slice(0, 3))).toEqual(BUNDLED_WRITTEN_NNN);
    w1.child.kill('SIGTERM');
    w2.child.kill('SIGTERM');
    expect(await w1.exit).toBe(0);
    expect(await w2.exit).toBe(0);
  }, 90_000);

  it('tinwatch start installs the schedulers and stops cleanly on SIGINT', async () => {
    const p = startProcess(['start', '--dashboard-port', '0', '--no-first-crawl'], env);
    await p.ready;
    expect((await rt.queues.crawl.getJobSchedulers()).length).toBe(rt.sources.length);
    p.child.kill('SIGINT');
    expect(await p.exit).toBe(0);
  }, 60_000);
});
