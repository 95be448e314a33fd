// Size caps on what an outlet may send (PIPELINE.maxPageBytes, 5 MB): checked on the declared
// length, while downloading, and on the inflated size. Every path ends in an error naming the
// cap, which the fetcher does not retry: the page goes to the failed list with that reason.
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { BadEncodingError, PageTooLargeError } from './errors.js';
import { PIPELINE } from '../config/pipeline.js';

export const TOO_LARGE = 'larger than the page size cap';

interface DownloadStream {
  headers: Record<string, string | string[] | undefined>;
  on?(event: 'downloadProgress', fn: (p: { transferred: number }) => void): unknown;
  destroy?(err: Error): unknown;
}

/**
 * Refuses a declared Content-Length over the cap and aborts a download (chunked, or lying about
 * its length) as soon as it passes it, so the body is never buffered whole.
 */
export function limitDownload(response: DownloadStream, cap: number = PIPELINE.maxPageBytes): void {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) {
    throw new PageTooLargeError(`page ${TOO_LARGE} (${cap} bytes): Content-Length ${declared}`);
  }
  response.on?.('downloadProgress', ({ transferred }) => {
    if (transferred > cap)
      response.destroy?.(new PageTooLargeError(`page ${TOO_LARGE} (${cap} bytes) while downloading`));
  });
}

/** The body inflated per Content-Encoding, never past the cap (a gzip bomb stops at the cap). */
export function inflateCapped(
  raw: Buffer,
  encodingHeader: string | string[] | undefined,
  cap: number = PIPELINE.maxPageBytes,
): Buffer {
  if (raw.length > cap) throw new PageTooLargeError(`page ${TOO_LARGE} (${cap} bytes): ${raw.length} bytes received`);
  const encodings = (Array.isArray(encodingHeader) ? encodingHeader.join(',') : (encodingHeader ?? ''))
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e && e !== 'identity');
  let out = raw;
  // Applied in reverse order of the header (the last one listed was applied last).
  for (const enc of encodings.reverse()) {
    try {
      if (enc === 'gzip' || enc === 'x-gzip') out = gunzipSync(out, { maxOutputLength: cap });
      else if (enc === 'deflate') out = inflateSync(out, { maxOutputLength: cap });
      else if (enc === 'br') out = brotliDecompressSync(out, { maxOutputLength: cap });
      else throw new BadEncodingError(`unsupported Content-Encoding ${enc}`);
    } catch (err) {
      if (err instanceof BadEncodingError) throw err;
      if (err instanceof RangeError || /maxOutputLength|buffer length/i.test((err as Error).message)) {
        throw new PageTooLargeError(
          `page ${TOO_LARGE} (${cap} bytes) once inflated (${enc}, ${raw.length} bytes compressed)`,
        );
      }
      throw new BadEncodingError(`body is not valid ${enc}: ${(err as Error).message}`);
    }
  }
  return out;
}
