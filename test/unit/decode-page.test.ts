import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../crawlers/decode-page.js';

/** windows-1258 writes tone marks as combining characters after precomposed base letters. */
function encode1258(text: string): Buffer {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const nfd = ch.normalize('NFD');
    const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(nfd)?.[0] ?? '';
    out += nfd.replace(tone, '').normalize('NFC') + tone;
  }
  return iconv.encode(out, 'windows-1258');
}

const TEXT = 'Bộ trưởng Quốc phòng Mỹ thăm Seoul: răn đe mở rộng, tập trận, đồng minh.';
const html = (meta: string, body = TEXT) =>
  `<html><head>${meta}<title>x</title></head><body><p>${body}</p></body></html>`;

describe('decodePage', () => {
  it('decodes windows-1258 declared in <meta charset> (no charset in the header)', () => {
    const bytes = encode1258(html('<meta charset="windows-1258">'));
    const d = decodePage(bytes, 'text/html');
    expect(d.charset).toBe('windows-1258');
    expect(d.text.normalize('NFC')).toContain(TEXT);
  });

  it('decodes VISCII declared in <meta http-equiv>', () => {
    const bytes = iconv.encode(html('<meta http-equiv="Content-Type" content="text/html; charset=VISCII">'), 'viscii');
    const d = decodePage(bytes, 'text/html');
    expect(d.charset).toBe('viscii');
    expect(d.text).toContain(TEXT);
  });

  it('prefers the HTTP header, and reads UTF-8 mislabelled as a single-byte charset as UTF-8', () => {
    expect(decodePage(encode1258(html('')), 'text/html; charset=windows-1258').text.normalize('NFC')).toContain(TEXT);
    const mislabelled = decodePage(Buffer.from(html(''), 'utf8'), 'text/html; charset=ISO-8859-1');
    expect(mislabelled).toMatchObject({ charset: 'utf-8' });
    expect(mislabelled.text).toContain(TEXT);
  });

  it('falls back to the document when a UTF-8 label is wrong, and to windows-1258 when nothing is said', () => {
    const bytes = encode1258(html('<meta charset="windows-1258">'));
    expect(decodePage(bytes, 'text/html; charset=utf-8').charset).toBe('windows-1258');
    const silent = encode1258(html(''));
    expect(decodePage(silent, undefined).text.normalize('NFC')).toContain(TEXT);
  });

  it('honours a BOM and an XML declaration', () => {
    expect(decodePage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])).text).toBe(TEXT);
    const xml = encode1258(
      `<?xml version="1.0" encoding="windows-1258"?><rss><item><title>${TEXT}</title></item></rss>`,
    );
    expect(decodePage(xml, 'application/rss+xml').text.normalize('NFC')).toContain(TEXT);
  });

  it('hands back the UTF-8 bytes of the text only when the page came as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (body, bom) => {
        const bytes = Buffer.from(html('<meta charset="utf-8">', body), 'utf8');
        const d = decodePage(bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes, 'text/html');
        expect(d.charset).toBe('utf-8');
        expect(d.utf8).toEqual(Buffer.from(d.text, 'utf8'));
        expect(d.text).toBe(html('<meta charset="utf-8">', body));
      }),
      { numRuns: 300 },
    );
    expect(decodePage(encode1258(html('<meta charset="windows-1258">')), 'text/html').utf8).toBeUndefined();
  });
});
