// Redis restarted mid-run (append-only persistence, as the compose file and the embedded server
// run it): worker processes ride through two restarts and every article still ends up written
// exactly once, NNN without gaps or repeats, one manifest line per story, every alert delivered.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import { crawlOnce } from '../../src/app/crawl-once.js';
import { replayOriginMap } from '../../src/fetch/origin-map.js';
import { freePort, startRedisServer, type RedisServerProcess } from '../../src/redis/embedded-redis.js';
import { startReplayServer, type ReplayServer } from '../../src/replay/replay-server.js';
import { buildBenchSite } from '../../scripts/bench/bench-site.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
const PAGES = 480; // the crash-safety site: 408 stories written, 24 wire duplicates
const WRITTEN = 408;
const DUPLICATES = 24;
const RESTARTS = 2;

describe('Redis restart mid-run', () => {
  let replay: ReplayServer;
  let redisServer: RedisServerProcess;
  let port: number;
  let dataDir: string;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const workers = new Set<ChildProcess>();

  beforeAll(async () => {
    const site = tempDir('tw-restart-site');
    buildBenchSite(site, PAGES, { outlets: 1, host: () => 'vnexpress.net', feedPath: 'rss/the-gioi.rss' });
    mkdirSync(path.join(site, 'vnexpress.net/the-gioi'), { recursive: true });
    writeFileSync(path.join(site, 'vnexpress.net/the-gioi/quan-su'), '<html><body></body></html>');
    replay = await startReplayServer(site);
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
    const env = {
      ...process.env,
      REDIS_URL: redisServer.url,
      TINWATCH_PREFIX: rt.keys.prefix,
      TINWATCH_OUT: rt.outDir,
      TINWATCH_ORIGIN_MAP: JSON.stringify(Object.fromEntries(rt.originMap.entries)),
      TINWATCH_LOCK_MS: '5000',
      TINWATCH_STALLED_MS: '2000',
      TINWATCH_ARTICLE_CONCURRENCY: '2',
      TINWATCH_CRAWL_CONCURRENCY: '4',
      TINWATCH_HOST_DELAY_MS: '10',
      LOG_LEVEL: 'error',
    };
    for (let i = 0; i < 2; i++) {
      const w = spawn(process.execPath, [BIN, 'worker'], { env, stdio: 'ignore' });
      workers.add(w);
      w.once('exit', () => workers.delete(w));
    }
    let restarts = 0;
    let done = false;
    const restarter = (async () => {
      await new Promise((r) => setTimeout(r, 3_000)); // workers loaded, crawl under way
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
    for (let i = 0; i < 600; i++) {
      const counts = [
        await rt.queues.article.getJobCounts('waiting', 'active', 'delayed'),
        await rt.queues.alert.getJobCounts('waiting', 'active', 'delayed'),
      ];
      if (counts.every((c) => Object.values(c).every((n) => n === 0))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    done = true;
    await restarter;
    expect(restarts).toBe(RESTARTS);
    expect(summary.totals.failed).toBe(0);
    expect(await rt.queues.article.getFailedCount()).toBe(0);
    expect(workers.size).toBe(2); // no worker process died of the outage

    const files = readdirSync(path.join(rt.outDir, 'articles'))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(files).toHaveLength(WRITTEN);
    expect(files.map((f) => Number(f.split('_')[0]))).toEqual(Array.from({ length: WRITTEN }, (_, i) => i));
    const raw = readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8');
    const lines = raw
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; id: string; matched_rules?: string[] });
    const articles = lines.filter((l) => l.type === 'article');
    expect(articles).toHaveLength(WRITTEN);
    expect(new Set(articles.map((l) => l.id)).size).toBe(WRITTEN);
    const dups = lines.filter((l) => l.type === 'duplicate');
    expect(new Set(dups.map((l) => l.id)).size).toBe(DUPLICATES);
    expect(dups).toHaveLength(DUPLICATES);

    const digestRules = new Set(rt.alerts.watchlist.rules.filter((r) => r.digest).map((r) => r.name));
    const expectedAlerts = articles.reduce(
      (n, a) => n + (a.matched_rules ?? []).filter((r) => !digestRules.has(r)).length,
      0,
    );
    expect(await rt.queues.alert.getFailedCount()).toBe(0);
    expect(await rt.redis.keys(`${rt.keys.prefix}:alert-sent:*`)).toHaveLength(expectedAlerts);
  }, 240_000);
});
