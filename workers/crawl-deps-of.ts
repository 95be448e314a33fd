// What a crawl job and a feed poll both hand crawlSource, built from the process's runtime.
import type { CrawlDeps } from '../crawlers/crawl/crawl-deps.js';
import type { Logger } from '../base/logger.js';
import type { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import type { Keys } from '../base/redis/keys.js';
import type { Queues } from '../base/queues.js';
import type { OriginMap } from '../base/url/origin-map.js';
import type { FeedPolling } from '../pipeline/runtime/poll-clock.js';
import { FEED_POLL } from '../config/feed-polling.js';
import type { StageTimings } from '../src/stats/stage-timings.js';
import { FeedTurns, feedInFlightMs } from '../crawlers/poll/feed-turns.js';
import { pageFetchers } from '../crawlers/crawl/fetchers.js';

/** The process's parts a crawl uses. */
export interface CrawlParts {
  redis: Redis;
  keys: Keys;
  originMap: OriginMap;
  queues: Pick<Queues, 'article'>;
  env: Pick<
    Env,
    'TINWATCH_HOST_DELAY_MS' | 'TINWATCH_FEED_POLLING' | 'TINWATCH_REQUEST_TIMEOUT_SECS' | 'TINWATCH_WARC'
  >;
  polling: Pick<FeedPolling, 'clock'>;
}

export function crawlDepsOf(rt: CrawlParts, log: Logger, timings?: StageTimings): CrawlDeps {
  return {
    redis: rt.redis,
    keys: rt.keys,
    originMap: rt.originMap,
    articleQueue: rt.queues.article,
    log,
    ...(timings ? { timings } : {}),
    ...(rt.env.TINWATCH_HOST_DELAY_MS !== undefined ? { hostDelayMs: rt.env.TINWATCH_HOST_DELAY_MS } : {}),
    // While feeds are polled, every feed request (a `crawl --once` too) keeps the host's spacing;
    // a poll takes its turn with this same instance (feed-poller.ts).
    ...(rt.env.TINWATCH_FEED_POLLING === 'adaptive'
      ? {
          feedTurns: new FeedTurns(
            rt.redis,
            rt.keys,
            rt.polling.clock.realMs(FEED_POLL.hostSpacingMs),
            feedInFlightMs({ requestTimeoutSecs: rt.env.TINWATCH_REQUEST_TIMEOUT_SECS }),
          ),
        }
      : {}),
    fetchers: pageFetchers(rt.originMap, rt.env.TINWATCH_REQUEST_TIMEOUT_SECS),
    captureWarc: rt.env.TINWATCH_WARC === 'on',
  };
}
