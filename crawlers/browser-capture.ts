// What the WARC archive keeps of a page Chromium fetched (src/archive/): the exchange as the
// browser made it, not the rendered DOM.
import type { Response as PlaywrightResponse } from 'playwright-core';
import type { HttpExchange } from '../src/archive/http-exchange.js';

/**
 * The document's exchange as Chromium made it, for the WARC capture: the bytes the outlet served
 * (not the rendered DOM) and the headers of both sides. Chromium has undone any content coding.
 */
export async function browserCapture(
  response: PlaywrightResponse,
  finalUrl: string,
): Promise<{ exchange: HttpExchange; payload: Buffer } | null> {
  try {
    const [payload, responseHeaders, requestHeaders] = await Promise.all([
      response.body(),
      response.headersArray(),
      response.request().headersArray(),
    ]);
    const encoding = responseHeaders.find((h) => h.name.toLowerCase() === 'content-encoding')?.value ?? null;
    return {
      exchange: {
        request: {
          method: response.request().method(),
          url: finalUrl,
          headers: requestHeaders.map((h) => [h.name, h.value]),
        },
        response: {
          status: response.status(),
          statusText: response.statusText(),
          httpVersion: '1.1',
          headers: responseHeaders.map((h) => [h.name, h.value]),
        },
        removedContentEncoding: encoding && encoding !== 'identity' ? encoding : null,
      },
      payload,
    };
  } catch {
    // A document Chromium kept no body for (a redirect chain's end it streamed): no capture.
    return null;
  }
}
