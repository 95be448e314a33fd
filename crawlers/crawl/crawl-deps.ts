// What one crawl of one source needs (Redis, the article queue, the origin map, a logger, the
// settings that tests and the benchmark change) and the summary it starts from.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../base/logger.js';
import type { CrawlSummary } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import type { StageTimings } from '../../src/stats/stage-timings.js';
import type { OriginMap } from '../../base/url/origin-map.js';
import type { FetchersFor } from './fetchers.js';
import type { FeedTurns } from '../poll/feed-turns.js';

export interface CrawlOptions {
  /** Backfill: walk listing pages back to this date. */
  since?: string;
  /**
   * Which feeds this crawl reads: all of them (default), none (a scheduled crawl while the feeds
   * are polled on their own, crawlers/poll/), or one (a feed poll).
   */
  feeds?: 'all' | 'none' | { only: string };
}

export interface CrawlDeps {
  redis: Redis;
  keys: Keys;
  originMap: OriginMap;
  articleQueue: Queue;
  log: Logger;
  /** Per-stage time accounting (benchmark). */
  timings?: StageTimings;
  /** Overrides the source's politeness delay (local replay runs). */
  hostDelayMs?: number;
  /** The host's one-a-minute feed turn (feed polling); feed requests are not spaced when unset. */
  feedTurns?: FeedTurns;
  /** Park each article page's HTTP exchange for its WARC capture (TINWATCH_WARC). */
  captureWarc?: boolean;
  /** Told every link of each feed read fully (the feed poller keeps their publication times). */
  onFeedLinks?: (feedUrl: string, links: { url: string; publishedAt: string | null }[]) => Promise<void>;
  /** The fetchers of each crawl: `pageFetchers` (HTTP, the browser for `render: browser`). */
  fetchers: FetchersFor;
}

export function emptySummary(sourceId: string): CrawlSummary {
  return {
    sourceId,
    discovered: 0,
    new: 0,
    fetched: 0,
    fetchFailed: 0,
    articleJobIds: [],
    statusCounts: {},
    robotsBlocked: 0,
    pausedUntil: null,
    failures: {},
    lastError: null,
    discoveryPlanned: 0,
    failure: null,
  };
}
