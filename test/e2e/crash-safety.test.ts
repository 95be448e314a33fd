// Crash safety: worker processes are killed with SIGKILL at random moments (≥ 10 times) while a
// crawl runs. Every article must end up written exactly once, NNN without gaps or repeats, the
// manifest without torn or repeated lines, and every alert job delivered (its sent marker set).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { crawlOnce } from '../../src/app/crawl-once.js';
import { startReplayServer, type ReplayServer } from '../../src/replay/replay-server.js';
import { buildBenchSite } from '../../scripts/bench/bench-site.js';
import { loadSources } from '../../config/load-sources.js';
import { replayOriginMap } from '../../src/fetch/origin-map.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
const PAGES = 480; // 48 off topic, 24 wire duplicates → 408 stories written
const WRITTEN = 408;
const KILLS = 12;
const DUPLICATES = 24;

describe('crash safety under kill -9', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const workers = new Set<ChildProcess>();

  beforeAll(async () => {
    // The pages are laid out as VnExpress's, so worker processes (which load the bundled source
    // files) know the source: 480 articles in its feed, an empty section listing.
    const site = tempDir('tw-crash-site');
    buildBenchSite(site, PAGES, { outlets: 1, host: () => 'vnexpress.net', feedPath: 'rss/the-gioi.rss' });
    mkdirSync(path.join(site, 'vnexpress.net/the-gioi'), { recursive: true });
    writeFileSync(path.join(site, 'vnexpress.net/the-gioi/quan-su'), '<html><body></body></html>');
    replay = await startReplayServer(site);
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
    const env = {
      ...process.env,
      REDIS_URL: inject('redisUrl'),
      TINWATCH_PREFIX: rt.keys.prefix,
      TINWATCH_OUT: rt.outDir,
      TINWATCH_ORIGIN_MAP: JSON.stringify(Object.fromEntries(rt.originMap.entries)),
      // Short enough that killed workers' jobs come back quickly, long enough that a worker busy
      // loading (tsx startup on a loaded machine) keeps its locks.
      TINWATCH_LOCK_MS: '5000',
      TINWATCH_STALLED_MS: '2000',
      TINWATCH_ARTICLE_CONCURRENCY: '2',
      TINWATCH_CRAWL_CONCURRENCY: '4',
      // Slow the crawl a little so the kills land while pages are being fetched and processed.
      TINWATCH_HOST_DELAY_MS: '10',
      LOG_LEVEL: 'error',
    };
    const startWorker = () => {
      const w = spawn(process.execPath, [BIN, 'worker'], { env, stdio: 'ignore' });
      workers.add(w);
      w.once('exit', () => workers.delete(w));
    };
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
    // Jobs queued by a crawl run that was killed are not in the final run's list: drain the queues.
    for (let i = 0; i < 600; i++) {
      const counts = [
        await rt.queues.article.getJobCounts('waiting', 'active', 'delayed'),
        await rt.queues.alert.getJobCounts('waiting', 'active', 'delayed'),
      ];
      if (counts.every((c) => Object.values(c).every((n) => n === 0))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    done = true;
    await killer;
    expect(kills).toBeGreaterThanOrEqual(10);
    expect(summary.sources.flatMap((s) => s.errors)).toEqual([]);
    expect(summary.totals.failed).toBe(0);
    expect(await rt.queues.article.getFailedCount()).toBe(0);

    const files = readdirSync(path.join(rt.outDir, 'articles'))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    // A worker killed mid-write leaves a temp file; the next article worker to start removes it.
    const tmp = () => readdirSync(path.join(rt.outDir, 'articles')).filter((f) => f.endsWith('.tmp'));
    for (let i = 0; i < 50 && tmp().length > 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(tmp()).toEqual([]);
    expect(files).toHaveLength(WRITTEN);
    expect(files.map((f) => Number(f.split('_')[0]))).toEqual(Array.from({ length: WRITTEN }, (_, i) => i));
    expect(new Set(files.map((f) => f.slice(4, 20))).size).toBe(WRITTEN);

    const raw = readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8');
    expect(raw.endsWith('\n')).toBe(true);
    const lines = raw
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; id: string; file?: string; matched_rules?: string[] });
    const articles = lines.filter((l) => l.type === 'article');
    expect(articles).toHaveLength(WRITTEN);
    expect(new Set(articles.map((l) => l.id)).size).toBe(WRITTEN);
    expect(new Set(articles.map((l) => l.file)).size).toBe(WRITTEN);
    const dups = lines.filter((l) => l.type === 'duplicate');
    expect(dups).toHaveLength(DUPLICATES);
    expect(new Set(dups.map((l) => l.id)).size).toBe(DUPLICATES);

    // Every instant alert the written stories called for was delivered once (one sent marker each).
    const digestRules = new Set(rt.alerts.watchlist.rules.filter((r) => r.digest).map((r) => r.name));
    const expectedAlerts = articles.reduce(
      (n, a) => n + (a.matched_rules ?? []).filter((r) => !digestRules.has(r)).length,
      0,
    );
    expect(expectedAlerts).toBeGreaterThan(0);
    expect(await rt.queues.alert.getFailedCount()).toBe(0);
    expect(await rt.queues.alert.getCompletedCount()).toBe(expectedAlerts);
    const markers = await rt.redis.keys(`${rt.keys.prefix}:alert-sent:*`);
    expect(markers).toHaveLength(expectedAlerts);
  }, 240_000);
});
