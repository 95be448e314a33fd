// The HTTP fetcher's hooks around each request: the SSRF guard (every redirect hop too), the host
// gate, the host's feed turn, tinwatch's own headers and cookies, and bodies left compressed for
// a capped inflate. What a request's label changes is one table (TRANSPORT).
import type { CheerioHook } from 'crawlee';
import type { Label } from './fetch-request.js';
import type { HttpCrawl } from './http-crawl.js';
import { requestHeaders } from './request-policy.js';
import { limitDownload } from './size-limits.js';
import { assertPublicDestination } from './ssrf-guard.js';

/** What each label asks of the HTTP transport. */
const TRANSPORT: { [L in Label]: { followRedirect: boolean; feedTurn: boolean } } = {
  // The prime page's own redirect is where its cookie is set: read it, do not follow it.
  prime: { followRedirect: false, feedTurn: false },
  // One feed request a turn (crawlers/poll/feed-turns.ts).
  feed: { followRedirect: true, feedTurn: true },
  sitemap: { followRedirect: true, feedTurn: false },
  listing: { followRedirect: true, feedTurn: false },
  article: { followRedirect: true, feedTurn: false },
};

export function beforeRequest(crawl: HttpCrawl): CheerioHook {
  const { source, originMap, hosts } = crawl;
  return async ({ request }, gotOptions) => {
    await assertPublicDestination(request.url, originMap);
    const host = new URL(originMap.toRealUrl(request.url)).hostname;
    await hosts?.waitTurn(host);
    const req = crawl.sent.of(request);
    const transport = TRANSPORT[req.label];
    if (transport.feedTurn) {
      // Its retry waits for the next poll (HostPolicy.spacesFeeds).
      if (hosts?.spacesFeeds) request.maxRetries = 0;
      await hosts?.feedSending(host);
    }
    gotOptions.headers = { ...gotOptions.headers, ...requestHeaders(source), ...req.headers };
    // tinwatch says who it is (user-agent): got-scraping's generated browser headers
    // would contradict that, and generating them cost more CPU than parsing the page.
    (gotOptions as { useHeaderGenerator?: boolean }).useHeaderGenerator = false;
    if (!transport.followRedirect) gotOptions.followRedirect = false;
    const header = await crawl.cookies.headerFor(host, gotOptions.headers.cookie as string | undefined);
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
  };
}

export function afterResponse(crawl: HttpCrawl): CheerioHook[] {
  return [
    ({ response }) => limitDownload(response),
    // The host's feed turn runs from the answer (crawlers/poll/feed-turns.ts).
    async ({ request }) => {
      if (TRANSPORT[crawl.sent.of(request).label].feedTurn)
        await crawl.hosts?.feedAnswered(new URL(crawl.originMap.toRealUrl(request.url)).hostname);
    },
  ];
}
