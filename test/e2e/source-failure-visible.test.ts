// A failed crawl or poll must never show as "failing" in another process (the dashboard, /metrics)
// beside a failure count of 0: the count is written to Redis before the failing state is.
import { describe, expect, it } from 'vitest';
import { PipelineStats } from '../../src/stats/pipeline-stats.js';
import { recordSourceFailure, sourceState } from '../../src/stats/source-status.js';
import { testRedis } from '../helpers/test-redis.js';

const { keys, redis } = testRedis();

describe('a source failure as another process sees it', () => {
  it('is counted in Redis by the time the source reads as failing', async () => {
    // A long flush interval: a count left to the timer would stay in the writer's memory.
    const writer = new PipelineStats(redis, keys, 60_000);
    const readerConn = redis.duplicate();
    const reader = new PipelineStats(readerConn, keys);
    const failuresSeen = async () =>
      (await reader.counters())
        .filter((c) => c.name === 'source_failures' && c.labels.includes('tw-a'))
        .reduce((n, c) => n + c.value, 0);

    // Look from the other process at the moment the failing state is first written.
    const seenWhenFailing: number[] = [];
    const setOnce = writer.setHealthOnce.bind(writer);
    writer.setHealthOnce = async (...args) => {
      seenWhenFailing.push(await failuresSeen());
      return setOnce(...args);
    };

    await recordSourceFailure(writer, 'tw-a', { cause: 'dns', via: 'feed', reason: 'ENOTFOUND' });
    expect(sourceState(await reader.health('tw-a')).kind).toBe('failing');
    expect(seenWhenFailing).toEqual([1]);

    await recordSourceFailure(writer, 'tw-a', { cause: 'dns', via: 'feed', reason: 'ENOTFOUND' });
    expect(seenWhenFailing).toEqual([1, 2]);
    expect(await failuresSeen()).toBe(2);
    readerConn.disconnect();
  });
});
