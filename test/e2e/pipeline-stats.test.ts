// Job duration histograms kept in Redis: each job counts in one bucket, readers get Prometheus's
// cumulative buckets, and counts stored cumulatively by older versions still add up. Counts are
// batched in memory and written together: within the flush interval, by a reader, or at close.
import { describe, expect, it } from 'vitest';
import { PipelineStats, STATS_FLUSH_MS } from '../../src/stats/pipeline-stats.js';
import { testRedis } from '../helpers/test-redis.js';

const { keys, redis } = testRedis();

describe('PipelineStats durations', () => {
  it('reads back cumulative buckets, count and sum', async () => {
    const stats = new PipelineStats(redis, keys);
    for (const s of [0.003, 0.07, 0.1, 400]) await stats.observeDuration('article', s);
    const d = await stats.durations('article');
    const at = (le: number) => d.buckets.find(([b]) => b === le)![1];
    expect(at(0.01)).toBe(1);
    expect(at(0.05)).toBe(1);
    expect(at(0.1)).toBe(3); // 0.1 itself is inside the 0.1 bucket (le = less or equal)
    expect(at(300)).toBe(3); // 400 s is past the last bucket: only in count (Prometheus's +Inf)
    expect(d.count).toBe(4);
    expect(d.sum).toBeCloseTo(400.173, 6);
    // Every bucket is at least the one before it.
    for (let i = 1; i < d.buckets.length; i++) expect(d.buckets[i]![1]).toBeGreaterThanOrEqual(d.buckets[i - 1]![1]);
  });

  it('adds cumulative counts stored by older versions', async () => {
    const stats = new PipelineStats(redis, keys);
    await redis.hset(keys.statsDurations('crawl'), { 'le_0.5': 2, le_1: 2, le_300: 5, count: 6, sum: 90 });
    await stats.observeDuration('crawl', 0.7);
    const d = await stats.durations('crawl');
    const at = (le: number) => d.buckets.find(([b]) => b === le)![1];
    expect([at(0.25), at(0.5), at(1), at(300)]).toEqual([0, 2, 3, 6]);
    expect(d.count).toBe(7);
  });
});

describe('PipelineStats batching', () => {
  const counter = async (f: string) => Number((await redis.hget(keys.statsCounters, f)) ?? 0);

  it('writes many counts in one MULTI within the flush interval', async () => {
    const conn = redis.duplicate();
    await conn.ping();
    const stats = new PipelineStats(conn, keys);
    // Only this connection's commands: other test files share the Redis server.
    const mine = `:${conn.stream.localPort}`;
    // A monitoring connection as ioredis's monitor() opens one, with its error listener set first.
    // ioredis marks the connection "monitoring" a tick after MONITOR's OK: another test file's
    // command read in the same chunk is taken for a reply to no command and emitted as an error
    // (which would reject monitor()'s promise). Such a line comes before this test's first command,
    // so it is never one of this connection's; any other error fails the test.
    const monitor = redis.duplicate({ monitor: true });
    const otherErrors: Error[] = [];
    monitor.on('error', (e: Error) => {
      if (!e.message.startsWith('Command queue state error')) otherErrors.push(e);
    });
    await new Promise((resolve) => monitor.once('monitoring', resolve));
    const execs: string[] = [];
    monitor.on('monitor', (_t: string, args: string[], source: string) => {
      if (source.endsWith(mine)) execs.push(args[0]!);
    });
    for (let i = 0; i < 50; i++) {
      await stats.count({ name: 'articles', source: 'vov', outcome: 'written' });
      await stats.observeDuration('batch', 0.02);
    }
    expect(await counter('articles|vov|written')).toBe(0); // nothing written yet
    await new Promise((r) => setTimeout(r, STATS_FLUSH_MS + 300));
    expect(await counter('articles|vov|written')).toBe(50);
    // 50 counts and 50 durations: one MULTI, one command per counter and histogram field.
    expect(execs.map((c) => c.toLowerCase())).toEqual([
      'multi',
      'hincrby',
      'hincrby',
      'hincrby',
      'hincrbyfloat',
      'exec',
    ]);
    monitor.disconnect();
    expect(otherErrors).toEqual([]);
    const d = await stats.durations('batch');
    expect(d.count).toBe(50);
    expect(d.buckets.find(([le]) => le === 0.05)![1]).toBe(50);
    conn.disconnect();
  });

  it("a reader sees its own process's counts at once; flush() writes them", async () => {
    const stats = new PipelineStats(redis, keys, 60_000);
    await stats.count({ name: 'alerts', channel: 'log', outcome: 'sent' }, 3);
    expect((await stats.counters()).find((c) => c.name === 'alerts')?.value).toBe(3);
    await stats.count({ name: 'alerts', channel: 'log', outcome: 'sent' });
    await stats.flush();
    expect(await counter('alerts|log|sent')).toBe(4);
  });

  it('keeps counts Redis refused and writes them once it answers again', async () => {
    const conn = redis.duplicate({ lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    await conn.connect();
    const stats = new PipelineStats(conn, keys, 60_000);
    await stats.count({ name: 'pages_fetched', source: 'vov', status: '200' }, 7);
    const ended = new Promise((r) => conn.once('end', r));
    conn.disconnect();
    await expect(stats.flush()).rejects.toThrow();
    await ended;
    await conn.connect();
    await stats.flush();
    expect(await counter('pages_fetched|vov|200')).toBe(7);
    conn.disconnect();
  });
});
