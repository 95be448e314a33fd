// Crash safety: worker processes are killed with SIGKILL at random moments (≥ 10 times) while a
// crawl runs. Every article must end up written exactly once, NNN without gaps or repeats, the
// manifest without torn or repeated lines, and every alert job delivered (its sent marker set).
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { loadSources } from '../../config/load-sources.js';
import { replayOriginMap } from '../../base/url/origin-map.js';
import {
  buildVnexpressSite,
  drainQueues,
  expectExactlyOnce,
  SITE_DUPLICATES,
  SITE_WRITTEN,
  workerSpawner,
} from '../helpers/exactly-once.js';
import { testRuntime } from '../helpers/test-runtime.js';

const KILLS = 12;

describe('crash safety under kill -9', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const workers = new Set<ChildProcess>();

  beforeAll(async () => {
    replay = await startReplayServer(buildVnexpressSite('tw-crash-site'));
    rt = await testRuntime({
      sources: loadSources().filter((s) => s.id === 'vnexpress'),
      originMap: replayOriginMap(replay.url, ['vnexpress.net']),
    });
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await rt.cleanup();
    await replay.close();
  });

  it('writes every article exactly once through ≥ 10 worker kills', async () => {
    const startWorker = workerSpawner(rt, inject('redisUrl'), workers);
    startWorker();
    startWorker();
    let kills = 0;
    let done = false;
    const killer = (async () => {
      await new Promise((r) => setTimeout(r, 2_500)); // let the first workers load
      // A fixed number of kills, then the survivors must finish: killing until the crawl ends
      // would, on a loaded machine, keep restarting the crawl job for ever.
      while (kills < KILLS && !done) {
        const live = [...workers];
        const victim = live[Math.floor(Math.random() * live.length)];
        if (victim) {
          victim.kill('SIGKILL');
          kills++;
        }
        startWorker();
        await new Promise((r) => setTimeout(r, 1_000 + Math.random() * 800));
      }
    })();
    const summary = await crawlOnce(rt, {
      sources: rt.sources,
      useRemoteWorkers: true,
      pollMs: 200,
      timeoutMs: 180_000,
    });
    // Alert jobs and stray work of killed attempts may still run: let them finish before counting files.
    await drainQueues(rt);
    done = true;
    await killer;
    expect(kills).toBeGreaterThanOrEqual(10);
    expect(summary.sources.flatMap((s) => s.errors)).toEqual([]);
    expect(summary.totals.failed).toBe(0);
    await expectExactlyOnce(rt, SITE_WRITTEN, SITE_DUPLICATES);
    // The summary counts what was really written, including the work of killed attempts.
    expect(summary.totals.written).toBe(SITE_WRITTEN);
    expect(summary.totals.duplicate).toBe(SITE_DUPLICATES);
  }, 240_000);
});
