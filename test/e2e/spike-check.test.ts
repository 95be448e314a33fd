// The spike step on a real Redis with a clock of the test's own: the 7-day baseline raises the
// bar, a spike fires once while the rule stays hot, a late match of the same burst does not fire
// it again, and a burst after the rule cooled down is a new spike.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createKeys } from '../../base/redis/keys.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { spikeStep } from '../../src/alert/spike-check.js';
import { testPrefix } from '../helpers/test-runtime.js';

const H = 3600_000;
const T0 = Date.parse('2026-12-01T00:00:00Z');
const opts = { hours: 6, factor: 3, minMatches: 3 };

describe('spike step', () => {
  const redis = new Redis(inject('redisUrl'));
  const keys = createKeys(testPrefix());
  afterAll(async () => {
    await clearPrefix(redis, keys.prefix);
    redis.disconnect();
  });
  let n = 0;
  const match = (rule: string, at: number, now = at) => spikeStep(redis, keys, rule, opts, { id: `s${n++}`, at }, now);

  it('needs more than factor × the 7-day rate, and fires once while hot', async () => {
    // 28 matches over the 7 days before: usually 1 per 6 hours, so the bar is more than 3.
    for (let i = 0; i < 28; i++) await match('a', T0 + i * 6 * H + H, T0 + 7 * 24 * H);
    const now = T0 + 7 * 24 * H + 6 * H;
    const steps = [];
    for (let i = 0; i < 6; i++) steps.push(await match('a', now - 50 * 60_000 + i * 60_000, now + i * 60_000));
    expect(steps.map((s) => s.state)).toEqual(['calm', 'calm', 'calm', 'fire', 'active', 'active']);
    expect(steps[3]).toMatchObject({ count: 4, usual: 1, spike: { id: expect.any(String) } });
    // A late page of the burst (published inside the window) is the same spike.
    expect((await match('a', now - 2 * H, now + 10 * 60_000)).state).toBe('active');
  });

  it('a burst after the rule cooled down is a new spike; a retry of the tipping story fires the same one', async () => {
    const t = T0 + 30 * 24 * H;
    const first = [];
    for (let i = 0; i < 3; i++) first.push(await match('b', t + i * 60_000));
    expect(first.map((s) => s.state)).toEqual(['calm', 'calm', 'fire']);
    const tip = first[2]!.spike!.id;
    // The job of the tipping story runs again: told to fire the same spike (same alert job ids).
    const again = await spikeStep(redis, keys, 'b', opts, { id: tip, at: t + 2 * 60_000 }, t + 3 * 60_000);
    expect(again).toMatchObject({ state: 'fire', spike: { id: tip } });
    // Twelve hours on the burst has left the window: the next match ends the spike, no new one.
    expect((await match('b', t + 12 * H)).state).toBe('calm');
    // A new burst later that day is hot against a baseline that holds only the first burst.
    const second = [];
    for (let i = 0; i < 3; i++) second.push(await match('b', t + 18 * H + i * 60_000));
    expect(second.map((s) => s.state)).toEqual(['calm', 'calm', 'fire']);
    expect(second[2]!.spike!.id).not.toBe(tip);
  });
});
