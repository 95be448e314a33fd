// The default fetcher: crawlee's CheerioCrawler (plain HTTP), as RawBodyCheerioCrawler. A new
// crawler and configuration per call; requests go through the origin map, results come back with
// real URLs. The pieces: http-hooks.ts (around each request), http-answers.ts (each answer, by
// label), http-crawl.ts (what they share, this crawl's cookies), crawlee-requests.ts.
import { PIPELINE } from '../config/pipeline.js';
import type { SourceConfig } from '../config/source-schema.js';
import type { OriginMap } from '../base/url/origin-map.js';
import type { CheerioCrawlerOptions } from 'crawlee';
import { freshCrawleeConfig } from './crawlee-setup.js';
import { failureHandler, SentRequests } from './crawlee-requests.js';
import { PageTooLargeError } from './errors.js';
import type { PageFetcher } from './fetched-page.js';
import type { HostPolicy } from './host-policy.js';
import { answerer } from './http-answers.js';
import { CrawlCookies, type HttpCrawl } from './http-crawl.js';
import { afterResponse, beforeRequest } from './http-hooks.js';
import { RawBodyCheerioCrawler } from './raw-body-crawler.js';
import { retryWaitMs } from './request-policy.js';
import { TOO_LARGE } from './size-limits.js';

export function createHttpFetcher(
  source: SourceConfig,
  originMap: OriginMap,
  hosts?: HostPolicy,
  timeoutSecs: number = PIPELINE.requestTimeoutSecs,
): PageFetcher {
  return {
    async fetchAll(requests, onPage, onFailure) {
      if (requests.length === 0) return;
      const sent = new SentRequests(originMap);
      const add = (more: ReturnType<SentRequests['toCrawlee']>) => crawler.addRequests(more);
      const crawl: HttpCrawl = { source, originMap, hosts, sent, cookies: new CrawlCookies(hosts), onPage, add };
      const crawler: RawBodyCheerioCrawler = new RawBodyCheerioCrawler(
        {
          ...crawlerOptions(source, timeoutSecs),
          preNavigationHooks: [beforeRequest(crawl)],
          postNavigationHooks: afterResponse(crawl),
          requestHandler: answerer(crawl),
          errorHandler: beforeRetry,
          failedRequestHandler: failureHandler(sent, onFailure, async (more) => add(sent.toCrawlee(more))),
        },
        await freshCrawleeConfig(),
      );
      await crawler.run(sent.toCrawlee(requests));
      await crawler.teardown();
    },
  };
}

function crawlerOptions(source: SourceConfig, timeoutSecs: number): CheerioCrawlerOptions {
  return {
    maxConcurrency: source.politeness.maxConcurrency,
    maxRequestRetries: 2,
    requestHandlerTimeoutSecs: timeoutSecs * 2,
    // got's request timeout covers the body too: a server dripping bytes (slow loris) is cut
    // off here like one that never answers.
    navigationTimeoutSecs: timeoutSecs,
    useSessionPool: true,
    persistCookiesPerSession: true,
    // One session per concurrent request. crawlee's default pool grows to 1,000 sessions
    // before it reuses any, and a crawl job fetches a few hundred pages: every request made a
    // new Session (validated argument by argument, with its own cookie jar), CPU the crawling
    // thread need not spend, and the host saw a new cookie jar each time.
    sessionPoolOptions: { maxPoolSize: source.politeness.maxConcurrency },
    additionalMimeTypes: ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml'],
  };
}

/** crawlee rejects 429 and 5xx before the request handler; this runs before each retry. */
const beforeRetry: NonNullable<CheerioCrawlerOptions['errorHandler']> = async ({ request, response }, error) => {
  // A cap hit while downloading reaches here wrapped by the HTTP client: the class is lost, the words stay.
  if (error instanceof PageTooLargeError || error.message.includes(TOO_LARGE)) request.noRetry = true;
  const status = response?.statusCode;
  if (status !== 429 && status !== 503) return;
  const header = response?.headers['retry-after'];
  const wait = retryWaitMs(Array.isArray(header) ? header[0] : header, request.retryCount);
  if (wait === null) request.noRetry = true;
  else await new Promise((r) => setTimeout(r, wait));
};
