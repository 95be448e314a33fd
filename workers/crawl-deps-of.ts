// What a crawl job and a feed poll both hand crawlSource, built from the process's runtime.
import type { CrawlDeps } from '../crawlers/crawl/crawl-deps.js';
import type { Logger } from '../base/logger.js';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { FEED_POLL } from '../config/feed-polling.js';
import { FeedTurns, feedInFlightMs } from '../crawlers/poll/feed-turns.js';
import { pageFetchers } from '../crawlers/crawl/fetchers.js';

export function crawlDepsOf(rt: Runtime, log: Logger): CrawlDeps {
  return {
    redis: rt.redis,
    keys: rt.keys,
    originMap: rt.originMap,
    articleQueue: rt.queues.article,
    log,
    ...(rt.timings ? { timings: rt.timings } : {}),
    ...(rt.env.TINWATCH_HOST_DELAY_MS !== undefined ? { hostDelayMs: rt.env.TINWATCH_HOST_DELAY_MS } : {}),
    // While feeds are polled, every feed request (a `crawl --once` too) keeps the host's spacing;
    // a poll takes its turn with this same instance (feed-poller.ts).
    ...(rt.env.TINWATCH_FEED_POLLING === 'adaptive'
      ? {
          feedTurns: new FeedTurns(
            rt.redis,
            rt.keys,
            rt.pollClock.realMs(FEED_POLL.hostSpacingMs),
            feedInFlightMs({ requestTimeoutSecs: rt.env.TINWATCH_REQUEST_TIMEOUT_SECS }),
          ),
        }
      : {}),
    fetchers: pageFetchers(rt.originMap, rt.env.TINWATCH_REQUEST_TIMEOUT_SECS),
    captureWarc: rt.env.TINWATCH_WARC === 'on',
  };
}
