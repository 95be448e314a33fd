// What a test hands crawlSource when it crawls outside a worker: the runtime's connections, the
// real fetchers, and no feed turns or host delay unless the test adds them (workers build theirs
// with crawlDepsOf).
import type { CrawlDeps } from '../../crawlers/crawl/crawl-deps.js';
import { pageFetchers } from '../../crawlers/crawl/fetchers.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';

export function plainCrawlDeps(rt: Runtime): CrawlDeps {
  return {
    redis: rt.redis,
    keys: rt.keys,
    originMap: rt.originMap,
    articleQueue: rt.queues.article,
    log: rt.log,
    fetchers: pageFetchers(rt.originMap),
  };
}
