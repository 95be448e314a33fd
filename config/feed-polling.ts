// How feeds are polled between scheduled crawls (crawlers/poll/). Each value says why.
export const FEED_POLL = {
  /**
   * Never more than one feed request a minute to one host, whatever the number of feeds it
   * serves: the outlet's cost is what politeness is about, and a 304 is cheap but not free.
   */
  hostSpacingMs: 60_000,
  /** The fastest a feed is polled (the host spacing: a feed alone on its host may use every turn). */
  minIntervalMs: 60_000,
  /**
   * The slowest a feed is polled, at night or on a quiet feed: a story published at 3 a.m. is
   * still known within this time. Breaking news comes at night too, and its first item waits one
   * whole interval: a long night interval alone pushed the day's 95th percentile past its target.
   * Two minutes is at most half the host's allowed budget, and mostly answered 304.
   */
  maxIntervalMs: 2 * 60_000,
  /**
   * Polls per expected gap between two items. The wait for an item is spread evenly over one poll
   * interval, so at N polls per gap the typical wait is half a gap over N. 12 keeps an outlet
   * publishing four items an hour within about two minutes at the 95th percentile.
   */
  pollsPerItemGap: 12,
  /** Items counted for "published just now": the last half hour (a burst) and the last two hours. */
  recentWindowsMs: [30 * 60_000, 2 * 3_600_000],
  /** Days of item times kept per feed, and read for "what this hour usually brings". */
  historyDays: 7,
  /** Item times kept per feed at most: a feed listing thousands of items cannot grow Redis. */
  historyMaxItems: 3_000,
  /** A publication time later than now by more than this is the outlet's clock or a lie: now instead. */
  futureToleranceMs: 5 * 60_000,
} as const;

/** The bounds a feed's poll interval is set within (crawlers/poll/poll-policy.ts). */
export interface PollLimits {
  minIntervalMs: number;
  maxIntervalMs: number;
  pollsPerItemGap: number;
}
