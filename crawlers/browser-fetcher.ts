// For sources with render: 'browser': crawlee's PlaywrightCrawler driving Debian's Chromium
// (Playwright's own browser download does not work offline), each page through the same guards
// as the HTTP fetcher: public destinations only, the host's turn, allowed final URL and status.
import { PlaywrightCrawler } from 'crawlee';
import { chromium } from 'playwright-core';
import { PIPELINE } from '../config/pipeline.js';
import type { SourceConfig } from '../config/source-schema.js';
import type { OriginMap } from '../base/url/origin-map.js';
import { freshCrawleeConfig } from './crawlee-setup.js';
import { failureHandler, SentRequests } from './crawlee-requests.js';
import type { PageFetcher } from './fetched-page.js';
import { assertAllowedFinalUrl, assertOkStatus, requestHeaders } from './request-policy.js';
import { assertPublicDestination } from './ssrf-guard.js';
import { guardEveryRequest, navigatedUrl } from './browser-request-guard.js';
import { browserCapture } from './browser-capture.js';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-launch.js';
import type { HostPolicy } from './host-policy.js';

export function createBrowserFetcher(
  source: SourceConfig,
  originMap: OriginMap,
  hosts?: HostPolicy,
  timeoutSecs: number = PIPELINE.requestTimeoutSecs,
): PageFetcher {
  return {
    async fetchAll(requests, onPage, onFailure) {
      if (requests.length === 0) return;
      const headers = requestHeaders(source);
      const sent = new SentRequests(originMap);
      const crawler = new PlaywrightCrawler(
        {
          maxConcurrency: source.politeness.maxConcurrency,
          maxRequestRetries: 2,
          navigationTimeoutSecs: timeoutSecs,
          requestHandlerTimeoutSecs: timeoutSecs * 2,
          headless: true,
          launchContext: {
            launcher: chromium,
            useChrome: false,
            userAgent: headers['user-agent'],
            launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true },
          },
          browserPoolOptions: { useFingerprints: false, maxOpenPagesPerBrowser: 4 },
          preNavigationHooks: [
            async ({ page, request }) => {
              await assertPublicDestination(request.url, originMap);
              await guardEveryRequest(page, originMap);
              await hosts?.waitTurn(new URL(originMap.toRealUrl(request.url)).hostname);
              await page.setExtraHTTPHeaders({ 'accept-language': headers['accept-language'] ?? 'vi' });
            },
          ],
          requestHandler: async ({ request, page, response }) => {
            const req = sent.of(request);
            const finalUrl = originMap.toRealUrl(navigatedUrl(page));
            assertAllowedFinalUrl(source, finalUrl);
            assertOkStatus(response?.status() ?? 200);
            await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
            const body = await page.content();
            const capture = response ? await browserCapture(response, finalUrl) : null;
            const more = await onPage({
              request: req,
              finalUrl,
              status: response?.status() ?? 200,
              contentType: (await response?.headerValue('content-type')) ?? 'text/html',
              body,
              ...(capture ? { capture } : {}),
            });
            if (more && more.length > 0) await crawler.addRequests(sent.toCrawlee(more));
          },
          failedRequestHandler: failureHandler(sent, onFailure),
        },
        await freshCrawleeConfig(),
      );
      await crawler.run(sent.toCrawlee(requests));
      await crawler.teardown();
    },
  };
}
