// CheerioCrawler, handing the request handler the body's bytes exactly as they arrived.
// Stock CheerioCrawler decodes every body to text (from the HTTP header's charset only), then parses
// it twice (htmlparser2 for `dom`, cheerio for `$`) before the handler runs. tinwatch needs none of
// that in the crawler: the bytes are inflated under a size cap (size-limits.ts), decoded by the
// charset the page itself declares (decode-page.ts) and parked for the article worker, which parses
// once. On the benchmark those unused decodes and parses were a fifth of the crawling thread's CPU.
import type { IncomingMessage } from 'node:http';
import { CheerioCrawler, type CheerioCrawlingContext, type Request } from 'crawlee';
import { PIPELINE } from '../config/pipeline.js';
import { decodePage, type Decoded } from '../src/text/decode-page.js';
import { UndecodableTextError } from '../base/errors.js';
import { UndecodablePageError } from './errors.js';
import { inflateCapped } from './size-limits.js';

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The page as text: inflated (capped) and decoded by its declared charset. */
export function responseText(bytes: Buffer, response: IncomingMessage): Decoded & { payload: Buffer } {
  const inflated = inflateCapped(bytes, response.headers['content-encoding'], PIPELINE.maxPageBytes);
  const type = response.headers['content-type'];
  try {
    return { ...decodePage(inflated, Array.isArray(type) ? type[0] : type), payload: inflated };
  } catch (err) {
    // Not retried: the same bytes decode the same way.
    if (err instanceof UndecodableTextError) throw new UndecodablePageError(err.message);
    throw err;
  }
}

export class RawBodyCheerioCrawler extends CheerioCrawler {
  /** No transcoding: the bytes go to the handler untouched (decodePage reads the charset). */
  protected override _encodeResponse(
    _request: Request,
    response: IncomingMessage,
    encoding: BufferEncoding,
  ): { encoding: BufferEncoding; response: IncomingMessage } {
    return { response, encoding };
  }

  /**
   * The body's bytes and nothing parsed. crawlee spreads this result into the crawling context,
   * which would evaluate lazy getters, so `$` and `dom` are left out rather than made lazy: this
   * crawler's handlers parse the text themselves (`responseText`, then cheerio where needed).
   */
  protected override async _parseHTML(
    response: IncomingMessage,
    _isXml: boolean,
    crawlingContext: CheerioCrawlingContext,
  ): ReturnType<CheerioCrawler['_parseHTML']> {
    const parsed = { body: await readAll(response), enqueueLinks: crawlingContext.enqueueLinks };
    // The context's body is typed as text; tinwatch's handler reads it as the Buffer it is.
    return parsed as unknown as Awaited<ReturnType<CheerioCrawler['_parseHTML']>>;
  }
}
