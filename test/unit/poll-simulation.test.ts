// The polling policy on a virtual clock (evaluation/poll-simulation.ts), which the feed latency
// benchmark reports from: it must keep the host's spacing, see every item an interval after it
// appears, and count an item pushed out of its feed unseen as missed, never as seen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_LIMITS } from '../../crawlers/poll/poll-policy.js';
import { simulatePolling, type SimOptions } from '../../evaluation/poll-simulation.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const fixed = (ms: number) => ({ minIntervalMs: ms, maxIntervalMs: ms, pollsPerItemGap: 1 });

function options(over: Partial<SimOptions>): SimOptions {
  return {
    feeds: [{ host: 'a', shown: 30 }],
    items: [],
    start: 0,
    end: DAY,
    measureFrom: 0,
    limits: DEFAULT_POLL_LIMITS,
    hostSpacingMs: MIN,
    responseMs: 1_000,
    ...over,
  };
}

describe('feed polling on a virtual clock', () => {
  it('keeps one feed request a spacing per host, however many feeds the host serves', () => {
    const r = simulatePolling(
      options({
        feeds: [
          { host: 'a', shown: 30 },
          { host: 'a', shown: 30 },
          { host: 'a', shown: 30 },
        ],
        limits: fixed(MIN),
      }),
    );
    expect(r.shortestGapMs).toBeGreaterThanOrEqual(MIN);
    expect(r.requests.get('a')).toBeLessThanOrEqual(DAY / MIN);
    // Three feeds share the turns: none of them polls every minute.
    expect(r.requests.get('a')).toBeGreaterThan(DAY / MIN / 2);
  });

  it('counts an item pushed out of its feed before a poll as missed, not seen', () => {
    const burst = Array.from({ length: 5 }, (_, i) => ({ feed: 0, at: 10 * MIN + 30_000 + i }));
    const r = simulatePolling(options({ feeds: [{ host: 'a', shown: 2 }], items: burst, limits: fixed(15 * MIN) }));
    expect(r.missed).toBe(3);
    expect(r.waits).toHaveLength(2);
  });

  it('measures only items published from the measured window on, and is deterministic', () => {
    const items = [
      { feed: 0, at: 5 * MIN },
      { feed: 0, at: DAY / 2 },
      { feed: 0, at: DAY / 2 + 7 * MIN },
    ];
    const a = simulatePolling(options({ items, measureFrom: DAY / 4 }));
    expect(a.waits).toHaveLength(2);
    expect(simulatePolling(options({ items, measureFrom: DAY / 4 }))).toEqual(a);
  });

  it('sees every item within the slowest interval when a feed has its host alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: DAY - 10 * MIN }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 3 }),
        (times, feedCount) => {
          const feeds = Array.from({ length: feedCount }, (_, f) => ({ host: `h${f}`, shown: 100 }));
          const items = times.map((at, i) => ({ feed: i % feedCount, at }));
          const r = simulatePolling(options({ feeds, items }));
          expect(r.missed).toBe(0);
          expect(r.waits).toHaveLength(times.length);
          for (const w of r.waits) {
            expect(w).toBeGreaterThanOrEqual(1_000);
            // Published just after a request was sent: that poll's round trip, the interval from
            // its answer, then the next round trip.
            expect(w).toBeLessThanOrEqual(DEFAULT_POLL_LIMITS.maxIntervalMs + 2 * 1_000);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
