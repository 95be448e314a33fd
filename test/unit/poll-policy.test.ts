import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEED_POLL } from '../../config/feed-polling.js';
import { nextPoll, recentRate, usualRate } from '../../crawlers/poll/poll-policy.js';
import { itemTime } from '../../crawlers/poll/publish-history.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-12-02T10:00:00+07:00');

/** An item every `gapMs` over the `spanMs` before now. */
function steady(gapMs: number, spanMs: number, now = NOW): number[] {
  const out: number[] = [];
  for (let t = now - spanMs; t <= now; t += gapMs) out.push(t);
  return out;
}

describe('nextPoll', () => {
  it('polls a quiet feed at the slowest interval', () => {
    expect(nextPoll([], NOW)).toMatchObject({ delayMs: FEED_POLL.maxIntervalMs, basis: 'quiet' });
    expect(nextPoll([NOW - 3 * HOUR], NOW).delayMs).toBe(FEED_POLL.maxIntervalMs);
  });

  it('polls a feed that publishes every few minutes once a minute, never faster', () => {
    expect(nextPoll(steady(2 * MIN, 2 * HOUR), NOW).delayMs).toBe(FEED_POLL.minIntervalMs);
    expect(nextPoll(steady(1_000, HOUR), NOW).delayMs).toBe(FEED_POLL.minIntervalMs);
  });

  it('polls pollsPerItemGap times per expected gap between items in between', () => {
    // Four items an hour: a gap of 15 min, polled every 15/12 min.
    const plan = nextPoll(steady(15 * MIN, 2 * HOUR - 1), NOW);
    expect(plan.itemsPerHour).toBeCloseTo(4, 5);
    expect(plan.delayMs).toBe(Math.round(HOUR / 4 / FEED_POLL.pollsPerItemGap));
    expect(plan.basis).toBe('recent');
  });

  it('speeds up at once for a burst at night', () => {
    const night = Date.parse('2026-12-02T02:00:00+07:00');
    const quiet = nextPoll([night - 5 * HOUR], night);
    const burst = nextPoll([night - 5 * HOUR, night - 4 * MIN, night - 2 * MIN], night);
    expect(burst.delayMs).toBeLessThan(quiet.delayMs);
    expect(burst.basis).toBe('recent');
  });

  it('expects the morning rush from earlier days before its first item today', () => {
    // Yesterday and the day before: ten items between 07:00 and 08:00; nothing since 23:00.
    const now = Date.parse('2026-12-02T07:00:00+07:00');
    const history = [1, 2].flatMap((d) => steady(6 * MIN, 54 * MIN, now - d * DAY + 54 * MIN));
    const plan = nextPoll(history, now);
    expect(plan.basis).toBe('usual');
    expect(plan.itemsPerHour).toBeCloseTo(10, 5);
    expect(plan.delayMs).toBe(FEED_POLL.minIntervalMs);
    // The same history at 02:00 says nothing is coming: slow.
    expect(nextPoll(history, now - 5 * HOUR).delayMs).toBe(FEED_POLL.maxIntervalMs);
  });

  it('counts a day of history only once the history reaches back to it', () => {
    const now = NOW;
    // One day of history only: the mean is over that one day, not over seven.
    // Items at 10:00, 10:10 … 11:00 yesterday: the hour from 10:00 holds six of them.
    const oneDay = steady(10 * MIN, HOUR, now - DAY + HOUR);
    expect(usualRate(oneDay, now)).toBe(6);
    expect(usualRate([], now)).toBe(0);
  });

  it('ignores times after now (a feed cannot publish in the future)', () => {
    expect(recentRate([NOW + MIN, NOW + HOUR], NOW)).toBe(0);
    expect(nextPoll([NOW + MIN, NOW + 2 * MIN], NOW).basis).toBe('quiet');
  });

  it('stays within its bounds and gets no slower as items are added (property)', () => {
    const times = fc.array(fc.integer({ min: NOW - 8 * DAY, max: NOW + HOUR }), { maxLength: 300 });
    fc.assert(
      fc.property(times, fc.integer({ min: NOW - 8 * DAY, max: NOW }), (ts, extra) => {
        const plan = nextPoll(ts, NOW);
        expect(plan.delayMs).toBeGreaterThanOrEqual(FEED_POLL.minIntervalMs);
        expect(plan.delayMs).toBeLessThanOrEqual(FEED_POLL.maxIntervalMs);
        expect(Number.isFinite(plan.itemsPerHour)).toBe(true);
        // One more published item never makes the next poll later.
        expect(nextPoll([...ts, extra], NOW).delayMs).toBeLessThanOrEqual(plan.delayMs);
      }),
    );
  });

  it('honours other limits', () => {
    const limits = { minIntervalMs: 2 * MIN, maxIntervalMs: 30 * MIN, pollsPerItemGap: 4 };
    expect(nextPoll([], NOW, limits).delayMs).toBe(30 * MIN);
    expect(nextPoll(steady(MIN, HOUR), NOW, limits).delayMs).toBe(2 * MIN);
  });
});

describe('itemTime', () => {
  it('takes the feed date, or now when it is missing, unreadable or in the future', () => {
    expect(itemTime('2026-12-02T09:00:00+07:00', NOW)).toBe(NOW - HOUR);
    expect(itemTime(null, NOW)).toBe(NOW);
    expect(itemTime('yesterday-ish', NOW)).toBe(NOW);
    expect(itemTime('2027-01-01T00:00:00Z', NOW)).toBe(NOW);
    // A clock a minute ahead of ours is not a lie: now.
    expect(itemTime(new Date(NOW + MIN).toISOString(), NOW)).toBe(NOW);
  });

  it('drops items older than the history', () => {
    expect(itemTime('2026-11-01T00:00:00Z', NOW)).toBeNull();
  });
});
