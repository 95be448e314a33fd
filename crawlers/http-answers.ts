// What the HTTP fetcher makes of an answer, by the request's label (one table): the prime page's
// answer is its session cookies; every other page is inflated under the cap, decoded by the
// charset it declares, answered once if it is a cookie challenge, and handed to the crawl with
// its exchange for the WARC capture.
import type { IncomingMessage } from 'node:http';
import type { CheerioCrawlingContext } from 'crawlee';
import { headerPairs, type HttpExchange } from '../src/archive/http-exchange.js';
import { cookieChallenge } from './cookie-challenge.js';
import { CookieChallengeError } from './errors.js';
import type { FetchRequest } from './fetch-request.js';
import type { HttpCrawl } from './http-crawl.js';
import { routeByLabel, type LabelRoutes } from './label-router.js';
import { responseText } from './raw-body-crawler.js';
import { assertAllowedFinalUrl, assertOkStatus } from './request-policy.js';

type Answer = { request: FetchRequest; context: CheerioCrawlingContext; finalUrl: string };

/** The request handler: each answer to the handler of its request's label. */
export function answerer(crawl: HttpCrawl): (context: CheerioCrawlingContext) => Promise<void> {
  const routes = answers(crawl);
  return async (context) => {
    const finalUrl = crawl.originMap.toRealUrl(context.request.loadedUrl ?? context.request.url);
    assertAllowedFinalUrl(crawl.source, finalUrl);
    const more = await routeByLabel(routes, { request: crawl.sent.of(context.request), context, finalUrl });
    if (more && more.length > 0) await crawl.add(crawl.sent.toCrawlee(more));
  };
}

function answers(crawl: HttpCrawl): LabelRoutes<Answer, Promise<FetchRequest[] | void>> {
  const page = (a: Answer) => pageAnswer(crawl, a);
  return { prime: (a) => primeAnswer(crawl, a), feed: page, sitemap: page, listing: page, article: page };
}

/** Keeps the session cookies it sets for the rest of this crawl; a 3xx is its answer. */
async function primeAnswer(crawl: HttpCrawl, { request, context, finalUrl }: Answer) {
  const { response, contentType } = context;
  crawl.cookies.keepSetCookies(new URL(finalUrl).hostname, response.headers['set-cookie']);
  const status = response.statusCode ?? 200;
  assertOkStatus(status);
  return crawl.onPage({ request, finalUrl, status, contentType: contentType.type, body: '' });
}

async function pageAnswer(crawl: HttpCrawl, { request, context, finalUrl }: Answer) {
  const { response, contentType, body } = context;
  assertOkStatus(response.statusCode ?? 200);
  // Bytes as they came (RawBodyCheerioCrawler): inflated under the cap, decoded by the
  // charset the page declares (crawlee alone would only read the HTTP header).
  const wire = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const decoded = responseText(wire, response);
  const challenge = cookieChallenge(decoded.text);
  if (challenge) {
    if (crawl.sent.isChallengeRetry(context.request))
      throw new CookieChallengeError(
        `cookie challenge not passed: still challenged after sending ${challenge.split('=')[0]}`,
      );
    await crawl.cookies.keepChallenge(new URL(finalUrl).hostname, challenge);
    // Retry once with the cookie, as the challenge page's own reload would.
    await crawl.add([crawl.sent.challengeRetry(context.request, request)]);
    return [];
  }
  const { etag, 'last-modified': lastModified } = response.headers;
  return crawl.onPage({
    request,
    finalUrl,
    status: response.statusCode ?? 200,
    contentType: contentType.type,
    ...(typeof etag === 'string' ? { etag } : {}),
    ...(typeof lastModified === 'string' ? { lastModified } : {}),
    body: decoded.text,
    ...(decoded.utf8 ? { bodyUtf8: decoded.utf8 } : {}),
    // The body as received (content coding kept) for the WARC capture, as archives keep it.
    capture: { exchange: exchangeOf(response, context.request.method, finalUrl), payload: wire },
  });
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
