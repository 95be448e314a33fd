// When to poll a feed next, from the times its items were published. Pure: times in, delay out.
//
// The wait between an item appearing and the poll that sees it is spread evenly over one poll
// interval, so the interval is set from the rate the feed publishes at: a fixed number of polls
// (FEED_POLL.pollsPerItemGap) per expected gap between two items, between one minute (the host's
// spacing) and the slowest interval. The rate is the larger of
//   - "just now": items of the last half hour and of the last two hours (a burst of breaking news
//     speeds polling up at once, even at night), and
//   - "usually": items in the coming hour on each earlier day the history covers (the morning
//     rush is expected before its first item, the night is quiet without being told).
import { FEED_POLL, type PollLimits } from '../../config/feed-polling.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type { PollLimits };

export const DEFAULT_POLL_LIMITS: PollLimits = {
  minIntervalMs: FEED_POLL.minIntervalMs,
  maxIntervalMs: FEED_POLL.maxIntervalMs,
  pollsPerItemGap: FEED_POLL.pollsPerItemGap,
};

export interface PollPlan {
  delayMs: number;
  /** The rate the delay was set from (items an hour). */
  itemsPerHour: number;
  /** Which estimate set it: items just published, what this hour usually brings, or neither. */
  basis: 'recent' | 'usual' | 'quiet';
}

function countBetween(sorted: readonly number[], from: number, to: number): number {
  // Binary searches: a feed's history holds a few thousand times at most, read once per poll.
  const lower = (x: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return Math.max(0, lower(to) - lower(from));
}

/** Items an hour published just now: the busier of the last half hour and the last two hours. */
export function recentRate(sorted: readonly number[], now: number): number {
  return Math.max(...FEED_POLL.recentWindowsMs.map((w) => (countBetween(sorted, now - w, now + 1) * HOUR_MS) / w));
}

/**
 * Items an hour this feed usually publishes in the coming hour: the mean over the earlier days
 * its history covers (a day counts once the first recorded item is older than that hour).
 */
export function usualRate(sorted: readonly number[], now: number, historyDays: number = FEED_POLL.historyDays): number {
  const first = sorted[0];
  if (first === undefined) return 0;
  let days = 0;
  let items = 0;
  for (let d = 1; d <= historyDays; d++) {
    const from = now - d * DAY_MS;
    if (first > from) break;
    days++;
    items += countBetween(sorted, from, from + HOUR_MS);
  }
  return days === 0 ? 0 : items / days;
}

/** The delay until the next poll of a feed whose items were published at `times` (ms, any order). */
export function nextPoll(times: readonly number[], now: number, limits: PollLimits = DEFAULT_POLL_LIMITS): PollPlan {
  const sorted = times.filter((t) => Number.isFinite(t) && t <= now).sort((a, b) => a - b);
  const recent = recentRate(sorted, now);
  const usual = usualRate(sorted, now);
  const itemsPerHour = Math.max(recent, usual);
  if (itemsPerHour <= 0) return { delayMs: limits.maxIntervalMs, itemsPerHour: 0, basis: 'quiet' };
  const wanted = HOUR_MS / itemsPerHour / limits.pollsPerItemGap;
  const delayMs = Math.round(Math.min(limits.maxIntervalMs, Math.max(limits.minIntervalMs, wanted)));
  return { delayMs, itemsPerHour, basis: recent >= usual ? 'recent' : 'usual' };
}
