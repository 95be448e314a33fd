// The default fetcher: crawlee's CheerioCrawler (plain HTTP). A new crawler and configuration
// per call; requests go through the origin map, results come back with real URLs.
import type { IncomingMessage } from 'node:http';
import { CookieChallengeError, PageTooLargeError } from './errors.js';
import { headerPairs, type HttpExchange } from '../src/archive/http-exchange.js';
import { cookieChallenge, withCookie } from './cookie-challenge.js';
import { PIPELINE } from '../config/pipeline.js';
import type { SourceConfig } from '../config/source-schema.js';
import type { OriginMap } from '../base/url/origin-map.js';
import { freshCrawleeConfig } from './crawlee-setup.js';
import { failureHandler, toCrawleeRequests } from './crawlee-requests.js';
import type { FetchRequest, PageFetcher } from './fetched-page.js';
import { assertAllowedFinalUrl, assertOkStatus, requestHeaders, retryWaitMs } from './request-policy.js';
import { assertPublicDestination } from './ssrf-guard.js';
import { limitDownload, TOO_LARGE } from './size-limits.js';
import { RawBodyCheerioCrawler, responseText } from './raw-body-crawler.js';
import type { HostPolicy } from './host-policy.js';

export function createHttpFetcher(
  source: SourceConfig,
  originMap: OriginMap,
  hosts?: HostPolicy,
  timeoutSecs: number = PIPELINE.requestTimeoutSecs,
): PageFetcher {
  return {
    async fetchAll(requests, onPage, onFailure) {
      if (requests.length === 0) return;
      // Cookies per host for this crawl: challenge answers (also kept in Redis for other workers)
      // and a prime page's session cookies. Redis is asked once per host per crawl, not per request.
      const cookies = new Map<string, string>();
      const remembered = new Map<string, Promise<string | null>>();
      const cookieHeaderFor = async (host: string, header: string | undefined): Promise<string | undefined> => {
        if (hosts && !remembered.has(host)) remembered.set(host, hosts.cookieFor(host));
        const fromRedis = await remembered.get(host);
        let out = fromRedis ? withCookie(header, fromRedis) : header;
        for (const pair of (cookies.get(host) ?? '').split(';')) if (pair.trim()) out = withCookie(out, pair.trim());
        return out;
      };
      const crawler: RawBodyCheerioCrawler = new RawBodyCheerioCrawler(
        {
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
          preNavigationHooks: [
            async ({ request }, gotOptions) => {
              await assertPublicDestination(request.url, originMap);
              const host = new URL(originMap.toRealUrl(request.url)).hostname;
              await hosts?.waitTurn(host);
              if ((request.userData.req as FetchRequest).label === 'feed') {
                // One feed request a turn: its retry waits for the next poll (HostPolicy.spacesFeeds).
                if (hosts?.spacesFeeds) request.maxRetries = 0;
                await hosts?.feedSending(host);
              }
              const extra = (request.userData.req as FetchRequest).headers ?? {};
              gotOptions.headers = { ...gotOptions.headers, ...requestHeaders(source), ...extra };
              // tinwatch says who it is (user-agent): got-scraping's generated browser headers
              // would contradict that, and generating them cost more CPU than parsing the page.
              (gotOptions as { useHeaderGenerator?: boolean }).useHeaderGenerator = false;
              // The prime page's own redirect is where its cookie is set: read it, do not follow it.
              if ((request.userData.req as FetchRequest).label === 'prime') gotOptions.followRedirect = false;
              const header = await cookieHeaderFor(host, gotOptions.headers.cookie as string | undefined);
              if (header) gotOptions.headers.cookie = header;
              // Bodies arrive compressed and are inflated in the handler with a cap on the output:
              // a small gzip bomb must not inflate to gigabytes in memory first.
              gotOptions.decompress = false;
              // Only what inflateCapped can undo (a browser-like default may offer zstd).
              gotOptions.headers['accept-encoding'] = 'gzip, deflate, br';
              // Every redirect hop is checked too: a public page may redirect inward.
              const hooks = (gotOptions.hooks ??= {});
              hooks.beforeRedirect = [
                ...(hooks.beforeRedirect ?? []),
                async (options: { url?: string | URL }) => {
                  if (options.url) await assertPublicDestination(String(options.url), originMap);
                },
              ];
            },
          ],
          postNavigationHooks: [
            ({ response }) => limitDownload(response),
            // The host's feed turn runs from the answer (crawlers/poll/feed-turns.ts).
            async ({ request }) => {
              if ((request.userData.req as FetchRequest).label === 'feed')
                await hosts?.feedAnswered(new URL(originMap.toRealUrl(request.url)).hostname);
            },
          ],
          requestHandler: async ({ request, body, response, contentType }) => {
            const req = request.userData.req as FetchRequest;
            const finalUrl = originMap.toRealUrl(request.loadedUrl ?? request.url);
            assertAllowedFinalUrl(source, finalUrl);
            const status = response.statusCode ?? 200;
            if (req.label === 'prime') {
              // Keep the session cookies it sets for the rest of this crawl; a 3xx is its answer.
              const setCookie = response.headers['set-cookie'];
              const host = new URL(finalUrl).hostname;
              for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
                const pair = c.split(';')[0]!.trim();
                if (pair.includes('=')) cookies.set(host, withCookie(cookies.get(host), pair));
              }
              assertOkStatus(status);
              const more = await onPage({ request: req, finalUrl, status, contentType: contentType.type, body: '' });
              if (more && more.length > 0) await crawler.addRequests(toCrawleeRequests(more, originMap));
              return;
            }
            assertOkStatus(status);
            // Bytes as they came (RawBodyCheerioCrawler): inflated under the cap, decoded by the
            // charset the page declares (crawlee alone would only read the HTTP header).
            const wire = Buffer.isBuffer(body) ? body : Buffer.from(body);
            const decoded = responseText(wire, response);
            const text = decoded.text;
            const challenge = cookieChallenge(text);
            if (challenge) {
              if (request.userData.challengeAnswered) {
                throw new CookieChallengeError(
                  `cookie challenge not passed: still challenged after sending ${challenge.split('=')[0]}`,
                );
              }
              const host = new URL(finalUrl).hostname;
              cookies.set(host, withCookie(cookies.get(host), challenge));
              await hosts?.rememberCookie(host, challenge);
              // Retry once with the cookie, as the challenge page's own reload would.
              await crawler.addRequests([
                {
                  url: request.url,
                  uniqueKey: `${request.uniqueKey}#challenge`,
                  userData: { ...request.userData, challengeAnswered: true },
                },
              ]);
              return;
            }
            const more = await onPage({
              request: req,
              finalUrl,
              status: response.statusCode ?? 200,
              contentType: contentType.type,
              ...(typeof response.headers.etag === 'string' ? { etag: response.headers.etag } : {}),
              ...(typeof response.headers['last-modified'] === 'string'
                ? { lastModified: response.headers['last-modified'] }
                : {}),
              body: text,
              ...(decoded.utf8 ? { bodyUtf8: decoded.utf8 } : {}),
              // The body as received (content coding kept) for the WARC capture, as archives keep it.
              capture: { exchange: exchangeOf(response, request.method, finalUrl), payload: wire },
            });
            if (more && more.length > 0) await crawler.addRequests(toCrawleeRequests(more, originMap));
          },
          // crawlee rejects 429 and 5xx before the request handler; this runs before each retry.
          errorHandler: async ({ request, response }, error) => {
            // A cap hit while downloading reaches here wrapped by the HTTP client: the class is lost, the words stay.
            if (error instanceof PageTooLargeError || error.message.includes(TOO_LARGE)) request.noRetry = true;
            const status = response?.statusCode;
            if (status !== 429 && status !== 503) return;
            const header = response?.headers['retry-after'];
            const wait = retryWaitMs(Array.isArray(header) ? header[0] : header, request.retryCount);
            if (wait === null) request.noRetry = true;
            else await new Promise((r) => setTimeout(r, wait));
          },
          failedRequestHandler: failureHandler(onFailure, async (more): Promise<void> => {
            await crawler.addRequests(toCrawleeRequests(more, originMap));
          }),
        },
        await freshCrawleeConfig(),
      );
      await crawler.run(toCrawleeRequests(requests, originMap));
      await crawler.teardown();
    },
  };
}

/** The request as got sent it and the response as it came, for the page's WARC capture. */
function exchangeOf(response: IncomingMessage, method: string, finalUrl: string): HttpExchange {
  const sent = (response as { request?: { options?: { headers?: Record<string, unknown> } } }).request?.options
    ?.headers;
  return {
    request: {
      method,
      url: finalUrl,
      headers: Object.entries(sent ?? {})
        .filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number')
        .map(([k, v]) => [k, String(v)]),
    },
    response: {
      status: response.statusCode ?? 200,
      statusText: response.statusMessage ?? '',
      httpVersion: response.httpVersion || '1.1',
      headers: headerPairs(response.rawHeaders ?? []),
    },
    // The payload is kept as it came: nothing undone.
    removedContentEncoding: null,
  };
}
