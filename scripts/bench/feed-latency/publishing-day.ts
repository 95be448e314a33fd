// A day of publishing for the feed latency benchmark: when each outlet's feeds get new items,
// in Vietnam time. Each feed publishes a number of items a day spread over the hours the way
// Vietnamese news sites publish (quiet from midnight to five, a morning rush from six, a second
// peak in the afternoon, a long evening tail), drawn as a Poisson process from a fixed seed,
// plus two bursts of breaking news: one in the night, one in the afternoon.
export interface FeedPlan {
  /** Index of the outlet (its host) and the feed's path on it. */
  outlet: number;
  path: string;
  itemsPerDay: number;
}

/** Three outlets, four feeds: a busy outlet with two section feeds, a mid-sized one, a quiet one. */
export const FEEDS: FeedPlan[] = [
  { outlet: 0, path: 'rss/the-gioi.rss', itemsPerDay: 80 },
  { outlet: 0, path: 'rss/thoi-su.rss', itemsPerDay: 60 },
  { outlet: 1, path: 'rss/quoc-te.rss', itemsPerDay: 45 },
  { outlet: 2, path: 'rss/quoc-phong.rss', itemsPerDay: 15 },
];
export const OUTLET_COUNT = 3;

/** Relative publishing weight of each Vietnam hour 0–23. */
export const HOUR_WEIGHTS = [
  0.3, 0.2, 0.15, 0.15, 0.3, 0.8, 1.6, 2.0, 2.0, 1.9, 1.8, 1.6, 1.1, 1.2, 1.6, 1.7, 1.6, 1.4, 1.1, 1.1, 1.2, 1.0, 0.7,
  0.5,
];

/** Breaking news: [minutes after midnight, items per feed, minutes the burst spreads over]. */
const BURSTS: [number, number, number][] = [
  [2 * 60 + 40, 3, 12],
  [15 * 60 + 10, 4, 10],
];

export interface PlannedItem {
  /** Index into FEEDS. */
  feed: number;
  /** Publication time, ms since the epoch. */
  at: number;
}

const HOUR_MS = 3_600_000;

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function poisson(mean: number, next: () => number): number {
  // Knuth's method: the means here are a few items an hour.
  const limit = Math.exp(-mean);
  let k = 0;
  let p = next();
  while (p > limit) {
    k++;
    p *= next();
  }
  return k;
}

/** The items of the day starting at `dayStart` (midnight, Vietnam time), oldest first. */
export function publishingDay(dayStart: number, seed: number, hours = 24): PlannedItem[] {
  const next = rng(seed);
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  const items: PlannedItem[] = [];
  FEEDS.forEach((feed, f) => {
    for (let h = 0; h < hours; h++) {
      const n = poisson((feed.itemsPerDay * HOUR_WEIGHTS[h % 24]!) / total, next);
      for (let i = 0; i < n; i++) items.push({ feed: f, at: dayStart + (h + next()) * HOUR_MS });
    }
    for (const [minute, n, spread] of BURSTS) {
      if (minute >= hours * 60) continue;
      for (let i = 0; i < n; i++) items.push({ feed: f, at: dayStart + (minute + next() * spread) * 60_000 });
    }
  });
  return items.sort((a, b) => a.at - b.at).map((it) => ({ ...it, at: Math.round(it.at) }));
}
