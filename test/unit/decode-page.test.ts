import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePage, textBytesOf } from '../../src/text/decode-page.js';
import { UndecodableTextError } from '../../base/errors.js';

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

  it('reads windows-1258 text mislabelled latin-1 or windows-1252 as Vietnamese, never as mojibake', () => {
    for (const label of ['ISO-8859-1', 'windows-1252']) {
      const d = decodePage(encode1258(html('')), `text/html; charset=${label}`);
      expect(d.charset).toBe('windows-1258');
      expect(d.text.normalize('NFC')).toContain(TEXT);
    }
  });

  it('keeps a real latin-1 page latin-1 (French, German: letters only, no ð or Þ)', () => {
    const western = 'Les ministres de la Défense se réunissent à Séoul; Verteidigungsminister für Übungen.';
    const d = decodePage(iconv.encode(html('', western), 'latin1'), 'text/html; charset=ISO-8859-1');
    expect(d.charset).toBe('iso-8859-1');
    expect(d.text).toContain(western);
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

/** Vietnamese text from its own alphabet (every toned vowel, đ, capitals) and ASCII punctuation. */
const VIETNAMESE_WORDS = fc
  .array(
    fc.constantFrom(
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxy'.split(''),
      ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ'.split(''),
      'Đ',
      'Ư',
      'Ế',
      ' ',
      ', ',
      '. ',
    ),
    { minLength: 40, maxLength: 400 },
  )
  .map((cs) => `Tin: ${cs.join('')}.`);

describe('decodePage: the text decides, not stray bytes', () => {
  const INVALID = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]);
  const page = (meta: string, scriptSrc: Buffer, body = TEXT): Buffer =>
    Buffer.concat([
      Buffer.from(`<html><head>${meta}<script src="/js/a`),
      scriptSrc,
      Buffer.from(`.js"></script><title>x</title></head><body><img alt="`),
      scriptSrc,
      Buffer.from(`"><p>${body}</p><!-- `),
      scriptSrc,
      Buffer.from(` --></body></html>`),
    ]);

  it('keeps a UTF-8 page UTF-8 when six bad bytes sit in a script URL, an attribute and a comment', () => {
    const d = decodePage(page('<meta charset="utf-8">', INVALID), 'text/html; charset=utf-8');
    expect(d.charset).toBe('utf-8');
    expect(d.text).toContain(`<p>${TEXT}</p>`);
    expect(d.utf8).toBeUndefined(); // the bytes are not valid UTF-8, so they are not handed on as such
  });

  it('reads any Vietnamese text right in UTF-8, windows-1258 or VISCII, whatever bad bytes sit in its markup', () => {
    fc.assert(
      fc.property(
        VIETNAMESE_WORDS,
        fc.constantFrom('utf-8', 'windows-1258', 'viscii'),
        fc.uint8Array({ minLength: 0, maxLength: 12 }),
        fc.boolean(),
        (body, charset, noise, labelled) => {
          const meta = labelled ? `<meta charset="${charset}">` : '';
          const encode = (s: string) => (charset === 'windows-1258' ? encode1258(s) : iconv.encode(s, charset));
          const bytes = Buffer.concat([
            encode(`<html><head>${meta}<script src="/a`),
            Buffer.from(noise.filter((b) => b !== 0x3c && b !== 0x3e && b !== 0x22)),
            encode(`.js"></script></head><body><p>${body}</p></body></html>`),
          ]);
          // Unlabelled VISCII cannot be told from other single-byte charsets: only labelled is promised.
          if (charset === 'viscii' && !labelled) return;
          const d = decodePage(bytes, 'text/html');
          expect(d.text.normalize('NFC')).toContain(`<p>${body.normalize('NFC')}</p>`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses with a reason a page whose text no charset reads as Vietnamese (double-encoded UTF-8)', () => {
    const doubled = Buffer.from(Buffer.from(html('<meta charset="utf-8">'), 'utf8').toString('latin1'), 'utf8');
    expect(() => decodePage(doubled, 'text/html; charset=utf-8')).toThrow(UndecodableTextError);
    expect(() => decodePage(doubled, 'text/html; charset=utf-8')).toThrow(
      /page text does not decode cleanly \(as utf-8 \d+ of \d+ non-ASCII characters are marks of a wrong decode/,
    );
  });

  it('refuses a page labelled UTF-8 whose text is full of bytes that are not UTF-8 and not a legacy charset', () => {
    const body = Buffer.alloc(400);
    for (let i = 0; i < body.length; i++) body[i] = i % 2 ? 0x61 : 0x80 + (i % 0x20); // C1 controls everywhere
    const bytes = Buffer.concat([Buffer.from('<html><body><p>'), body, Buffer.from('</p></body></html>')]);
    expect(() => decodePage(bytes, 'text/html; charset=utf-8')).toThrow(UndecodableTextError);
  });
});

describe('textBytesOf', () => {
  it('keeps text and CDATA, drops tags, scripts, styles and comments, even unclosed ones', () => {
    const out = (s: string) => textBytesOf(Buffer.from(s, 'latin1')).toString('latin1');
    expect(out('a<b title="x">b</b><script>var s="<p>"</script>c<style>p{}</style>d<!-- e -->f')).toBe('abcdf');
    expect(out('<rss><description><![CDATA[tin <b>moi</b>]]></description></rss>')).toBe('tin moi]]>');
    expect(out('text<script>never closed')).toBe('text');
    expect(out('text<a href="never closed')).toBe('text');
  });

  it('takes one pass over a page of 100,000 unclosed scripts', () => {
    const hostile = Buffer.from('<script'.repeat(100_000));
    expect(textBytesOf(hostile).length).toBe(0);
  });
});
