// Shared by the crash-safety and Redis-restart tests: the 480-page site, the environment of the
// worker processes, draining the queues, and the exactly-once checks on what was written.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { buildBenchSite } from '../../app/replay/synthetic-site.js';
import { tempDir } from './test-runtime.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

export const SITE_PAGES = 480; // 48 off topic, 24 wire duplicates → 408 stories written
export const SITE_WRITTEN = 408;
export const SITE_DUPLICATES = 24;

/** The pages laid out as VnExpress's (worker processes load the bundled source files). */
export function buildVnexpressSite(label: string): string {
  const site = tempDir(label);
  buildBenchSite(
    site,
    SITE_PAGES,
    { outlets: 1, host: () => 'vnexpress.net', feedPath: 'rss/the-gioi.rss' },
    { bulk: false },
  );
  mkdirSync(path.join(site, 'vnexpress.net/the-gioi'), { recursive: true });
  writeFileSync(path.join(site, 'vnexpress.net/the-gioi/quan-su'), '<html><body></body></html>');
  return site;
}

/** Starts `tinwatch worker` child processes on the test's Redis, prefix and output folder. */
export function workerSpawner(rt: Runtime, redisUrl: string, workers: Set<ChildProcess>): () => void {
  const env = {
    ...process.env,
    REDIS_URL: redisUrl,
    TINWATCH_PREFIX: rt.keys.prefix,
    TINWATCH_OUT: rt.outDir,
    TINWATCH_ORIGIN_MAP: JSON.stringify(Object.fromEntries(rt.originMap.entries)),
    // Short enough that a dead worker's jobs come back quickly, long enough that a worker busy
    // loading (tsx startup on a loaded machine) keeps its locks.
    TINWATCH_LOCK_MS: '5000',
    TINWATCH_STALLED_MS: '2000',
    TINWATCH_ARTICLE_CONCURRENCY: '2',
    TINWATCH_CRAWL_CONCURRENCY: '4',
    // Slow the crawl a little so the faults land while pages are being fetched and processed.
    TINWATCH_HOST_DELAY_MS: '10',
    LOG_LEVEL: 'error',
  };
  return () => {
    const w = spawn(process.execPath, [BIN, 'worker'], { env, stdio: 'ignore' });
    workers.add(w);
    w.once('exit', () => workers.delete(w));
  };
}

/**
 * Waits until `n` worker processes have their alert workers connected (each process starts them
 * last), so a fault injected next lands on running workers, not on a process still loading.
 */
export async function waitForWorkerProcesses(rt: Runtime, n: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await rt.queues.alert.getWorkers()).length >= n) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${n} worker processes did not connect within 2 minutes`);
}

/** Waits until no article or alert job is waiting, active or delayed (at most 2 minutes). */
export async function drainQueues(rt: Runtime): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const counts = [
      await rt.queues.article.getJobCounts('waiting', 'active', 'delayed'),
      await rt.queues.alert.getJobCounts('waiting', 'active', 'delayed'),
    ];
    if (counts.every((c) => Object.values(c).every((n) => n === 0))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Every story written once as NNN_<id>.txt with NNN 0..n-1, no temp file left, one manifest
 * line per story and per duplicate, no torn line, and every instant alert delivered once.
 */
export async function expectExactlyOnce(rt: Runtime, written: number, duplicates: number): Promise<void> {
  expect(await rt.queues.article.getFailedCount()).toBe(0);
  const articlesDir = path.join(rt.outDir, 'articles');
  const files = readdirSync(articlesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  // A worker killed mid-write leaves a temp file; the next article worker to start removes it.
  const tmp = () => readdirSync(articlesDir).filter((f) => f.endsWith('.tmp'));
  for (let i = 0; i < 50 && tmp().length > 0; i++) await new Promise((r) => setTimeout(r, 200));
  expect(tmp()).toEqual([]);
  expect(files).toHaveLength(written);
  expect(files.map((f) => Number(f.split('_')[0]))).toEqual(Array.from({ length: written }, (_, i) => i));
  expect(new Set(files.map((f) => f.slice(4, 20))).size).toBe(written);

  const raw = readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8');
  expect(raw.endsWith('\n')).toBe(true);
  const lines = raw
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; id: string; file?: string; matched_rules?: string[] });
  const articles = lines.filter((l) => l.type === 'article');
  expect(articles).toHaveLength(written);
  expect(new Set(articles.map((l) => l.id)).size).toBe(written);
  expect(new Set(articles.map((l) => l.file)).size).toBe(written);
  const dups = lines.filter((l) => l.type === 'duplicate');
  expect(dups).toHaveLength(duplicates);
  expect(new Set(dups.map((l) => l.id)).size).toBe(duplicates);

  // Every instant alert the written stories called for was delivered once (one sent marker each).
  const digestRules = new Set(rt.alerts.watchlist.rules.filter((r) => r.digest).map((r) => r.name));
  const expectedAlerts = articles.reduce(
    (n, a) => n + (a.matched_rules ?? []).filter((r) => !digestRules.has(r)).length,
    0,
  );
  expect(expectedAlerts).toBeGreaterThan(0);
  expect(await rt.queues.alert.getFailedCount()).toBe(0);
  expect(await rt.queues.alert.getCompletedCount()).toBe(expectedAlerts);
  expect(await rt.redis.keys(`${rt.keys.prefix}:alert-sent:*`)).toHaveLength(expectedAlerts);
}
