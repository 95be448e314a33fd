// JobOutcomes: a run's job outcomes from BullMQ's events stream, with direct look-ups for jobs
// whose events were never read. Real Redis, real BullMQ workers.
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobOutcomes, type Finished } from '../../workers/run-once/job-outcomes.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { testPrefix } from '../helpers/test-runtime.js';

const prefix = `bull-${testPrefix()}`;
let redis: Redis;
let queue: Queue;

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  queue = new Queue('jobs', { connection: redis, prefix });
});

afterAll(async () => {
  await queue.close();
  await clearPrefix(redis, prefix);
  redis.disconnect();
});

function startWorker(handler: (data: { n: number }) => Promise<unknown>): Worker {
  return new Worker('jobs', async (job) => handler(job.data as { n: number }), {
    connection: redis.duplicate({ maxRetriesPerRequest: null }),
    prefix,
    concurrency: 8,
  });
}

async function collect(tracker: JobOutcomes, ids: string[], deadlineMs = 20_000): Promise<Map<string, Finished>> {
  const seen = new Map<string, Finished>();
  await tracker.waitFor(ids, Date.now() + deadlineMs, 20, (id, r) => {
    expect(seen.has(id), `${id} reported twice`).toBe(false);
    seen.set(id, r);
  });
  return seen;
}

describe('JobOutcomes', () => {
  it('reports each job once, with its return value or its final failure after retries', async () => {
    const tracker = await JobOutcomes.open(queue, { connection: redis, reconcileMs: 60_000 });
    const worker = startWorker(async ({ n }) => {
      if (n % 10 === 0) throw new Error(`bad ${n}`);
      return { double: n * 2 };
    });
    try {
      // ~3,500 stream entries: more than one read takes (READ_COUNT), so reading pages on.
      const ids = Array.from({ length: 800 }, (_, n) => `ok-${n}`);
      await queue.addBulk(
        ids.map((id, n) => ({
          name: 'j',
          data: { n },
          opts: { jobId: id, attempts: 2, backoff: { type: 'fixed', delay: 10 } },
        })),
      );
      // reconcileMs is a minute: everything here must come from the stream, not from look-ups.
      const seen = await collect(tracker, ids);
      expect(seen.size).toBe(800);
      expect(seen.get('ok-7')).toEqual({ state: 'completed', value: { double: 14 } });
      // Failed only once retries are used up, with the last attempt's reason.
      expect(seen.get('ok-20')).toEqual({ state: 'failed', reason: 'bad 20' });
      expect([...seen.values()].filter((r) => r.state === 'failed')).toHaveLength(80);
    } finally {
      await worker.close();
      await tracker.close();
    }
  });

  it('keeps outcomes of jobs that finish before anyone waits for them', async () => {
    const tracker = await JobOutcomes.open(queue, { connection: redis, reconcileMs: 60_000 });
    const worker = startWorker(async ({ n }) => n);
    try {
      await queue.add('j', { n: 5 }, { jobId: 'early-5' });
      await new Promise<void>((resolve) => worker.once('completed', () => resolve()));
      await new Promise((r) => setTimeout(r, 200));
      const seen = await collect(tracker, ['early-5'], 5_000);
      expect(seen.get('early-5')).toEqual({ state: 'completed', value: 5 });
    } finally {
      await worker.close();
      await tracker.close();
    }
  });

  it('looks up jobs whose events it never read (finished before it opened, or trimmed away)', async () => {
    const worker = startWorker(async ({ n }) => n + 1);
    await queue.addBulk(
      Array.from({ length: 20 }, (_, n) => ({ name: 'j', data: { n }, opts: { jobId: `before-${n}` } })),
    );
    await new Promise<void>((resolve) => {
      let done = 0;
      worker.on('completed', () => ++done === 20 && resolve());
    });
    await worker.close();
    const tracker = await JobOutcomes.open(queue, { connection: redis, reconcileMs: 300 });
    try {
      const started = Date.now();
      const seen = await collect(
        tracker,
        Array.from({ length: 20 }, (_, n) => `before-${n}`),
      );
      expect(seen.get('before-3')).toEqual({ state: 'completed', value: 4 });
      // Found by the look-up after one quiet reconcile interval, not by waiting for the deadline.
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await tracker.close();
    }
  });

  it('times out naming how many jobs are still pending', async () => {
    const tracker = await JobOutcomes.open(queue, { connection: redis, reconcileMs: 100 });
    try {
      await queue.add('j', { n: 1 }, { jobId: 'never-run' });
      await expect(tracker.waitFor(['never-run'], Date.now() + 400, 20, () => undefined)).rejects.toThrow(
        'timed out waiting for 1 jobs job(s)',
      );
    } finally {
      await tracker.close();
    }
  });
});
