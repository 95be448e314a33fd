// The clock feed polling reads. In service it is the wall clock. The latency benchmark runs a
// simulated day in minutes: its clock runs `scale` times faster from a chosen start, so publication
// times, "this hour of the day" and the one-minute host spacing are all simulated time, while the
// pipeline's own work (fetching, extracting, alerting) still takes the real time it takes.
import type { PollLimits } from '../../config/feed-polling.js';

/** How feed polls are planned, resolved once per process (the runtime's `polling`). */
export interface FeedPolling {
  clock: PollClock;
  /** The policy's limits with TINWATCH_FEED_POLL_MAX_MINUTES, or fixed ones (the latency benchmark). */
  limits: PollLimits;
}

export interface PollClock {
  /** Now, in this clock's milliseconds since the epoch. */
  now(): number;
  /** Real milliseconds to wait for `ms` of this clock to pass. */
  realMs(ms: number): number;
}

export const WALL_CLOCK: PollClock = { now: () => Date.now(), realMs: (ms) => ms };

/** A clock that reads `start` at real time `realStart` and runs `scale` times faster. */
export function simulatedClock(start: number, scale: number, realStart: number = Date.now()): PollClock {
  if (!(scale >= 1)) throw new RangeError(`a simulated clock runs at least as fast as the wall clock, not ${scale}×`);
  return {
    now: () => start + (Date.now() - realStart) * scale,
    realMs: (ms) => Math.max(0, Math.round(ms / scale)),
  };
}
