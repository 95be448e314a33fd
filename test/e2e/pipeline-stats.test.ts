// Job duration histograms kept in Redis: each job counts in one bucket, readers get Prometheus's
// cumulative buckets, and counts stored cumulatively by older versions still add up.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clearPrefix } from '../../src/redis/clear-prefix.js';
import { createKeys } from '../../src/redis/keys.js';
import { PipelineStats } from '../../src/stats/pipeline-stats.js';
import { testPrefix } from '../helpers/test-runtime.js';

const prefix = testPrefix();
const keys = createKeys(prefix);
let redis: Redis;

beforeAll(() => {
  redis = new Redis(inject('redisUrl'));
});
afterAll(async () => {
  await clearPrefix(redis, prefix);
  redis.disconnect();
});

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
