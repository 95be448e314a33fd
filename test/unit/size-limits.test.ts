// Size caps: declared, streamed and inflated sizes all stop at the cap with a reason.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateCapped, limitDownload } from '../../crawlers/size-limits.js';

const page = Buffer.from('<html><body><p>Hàn Quốc và Mỹ</p></body></html>');

describe('size limits', () => {
  it('inflates gzip, deflate and br bodies and passes identity through', () => {
    expect(inflateCapped(gzipSync(page), 'gzip').equals(page)).toBe(true);
    expect(inflateCapped(deflateSync(page), 'deflate').equals(page)).toBe(true);
    expect(inflateCapped(brotliCompressSync(page), 'br').equals(page)).toBe(true);
    expect(inflateCapped(page, undefined).equals(page)).toBe(true);
    expect(inflateCapped(page, 'identity').equals(page)).toBe(true);
  });

  it('stops a bomb at the cap, names the cap, and refuses garbage and unknown encodings', () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => inflateCapped(bomb, 'gzip', 1024 * 1024)).toThrow(
      /larger than the page size cap \(1048576 bytes\) once inflated/,
    );
    expect(() => inflateCapped(Buffer.from('not gzip'), 'gzip')).toThrow(/not valid gzip/);
    expect(() => inflateCapped(page, 'compress')).toThrow(/unsupported Content-Encoding compress/);
    expect(() => inflateCapped(Buffer.alloc(2000), undefined, 1000)).toThrow(/2000 bytes received/);
  });

  it('refuses a declared length over the cap and aborts a download that passes it', () => {
    expect(() => limitDownload({ headers: { 'content-length': '5000' } }, 1000)).toThrow(/Content-Length 5000/);
    let progress: ((p: { transferred: number }) => void) | undefined;
    let destroyed: Error | undefined;
    limitDownload({ headers: {}, on: (_e, fn) => (progress = fn), destroy: (err) => (destroyed = err) }, 1000);
    progress!({ transferred: 999 });
    expect(destroyed).toBeUndefined();
    progress!({ transferred: 1001 });
    expect(destroyed?.message).toMatch(/while downloading/);
  });
});
