// Redis restarted mid-run (append-only persistence, as the compose file and the embedded server
// run it): worker processes ride through two restarts and every article still ends up written
// exactly once, NNN without gaps or repeats, one manifest line per story, every alert delivered.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { freePort, startRedisServer, type RedisServerProcess } from '../../base/redis/embedded-redis.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import {
  buildVnexpressSite,
  drainQueues,
  expectExactlyOnce,
  SITE_DUPLICATES,
  SITE_WRITTEN,
  waitForWorkerProcesses,
  workerSpawner,
} from '../helpers/exactly-once.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';

const RESTARTS = 2;

describe('Redis restart mid-run', () => {
  let replay: ReplayServer;
  let redisServer: RedisServerProcess;
  let port: number;
  let dataDir: string;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const workers = new Set<ChildProcess>();

  beforeAll(async () => {
    replay = await startReplayServer(buildVnexpressSite('tw-restart-site'));
    port = await freePort();
    dataDir = tempDir('tw-restart-redis');
    redisServer = await startRedisServer({ port, dir: dataDir });
    rt = await testRuntime({
      sources: loadSources().filter((s) => s.id === 'vnexpress'),
      originMap: replayOriginMap(replay.url, ['vnexpress.net']),
      env: { REDIS_URL: redisServer.url },
    });
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await rt.cleanup();
    await redisServer.stop();
    await replay.close();
  });

  it('writes every article exactly once through two Redis restarts', async () => {
    const startWorker = workerSpawner(rt, redisServer.url, workers);
    startWorker();
    startWorker();
    await waitForWorkerProcesses(rt, 2);
    let restarts = 0;
    let done = false;
    const restarter = (async () => {
      await new Promise((r) => setTimeout(r, 1_000)); // crawl under way
      while (restarts < RESTARTS && !done) {
        // SIGTERM: Redis flushes the append-only file and exits, as on a deploy or a reboot.
        await redisServer.stop();
        await new Promise((r) => setTimeout(r, 500));
        redisServer = await startRedisServer({ port, dir: dataDir });
        restarts++;
        await new Promise((r) => setTimeout(r, 2_500));
      }
    })();
    const summary = await crawlOnce(rt, {
      sources: rt.sources,
      useRemoteWorkers: true,
      pollMs: 200,
      timeoutMs: 180_000,
    });
    await drainQueues(rt);
    done = true;
    await restarter;
    expect(restarts).toBe(RESTARTS);
    expect(summary.totals.failed).toBe(0);
    expect(workers.size).toBe(2); // no worker process died of the outage
    await expectExactlyOnce(rt, SITE_WRITTEN, SITE_DUPLICATES);
    // The summary counts what was really written, including the work of killed attempts.
    expect(summary.totals.written).toBe(SITE_WRITTEN);
    expect(summary.totals.duplicate).toBe(SITE_DUPLICATES);
  }, 240_000);
});
