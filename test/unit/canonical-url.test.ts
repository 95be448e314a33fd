import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleIdentity, canonicalUrl, storyIdFor, stripTracking } from '../../base/url/canonical-url.js';

describe('canonicalUrl', () => {
  const base = 'https://vnexpress.net/han-quoc-my-5112299.html';
  it.each([
    'http://vnexpress.net/han-quoc-my-5112299.html',
    'https://WWW.VnExpress.net/han-quoc-my-5112299.html',
    'https://m.vnexpress.net/han-quoc-my-5112299.html',
    'https://vnexpress.net/han-quoc-my-5112299.html#box_comment',
    'https://vnexpress.net/han-quoc-my-5112299.html?utm_source=rss&utm_medium=feed',
    'https://vnexpress.net/han-quoc-my-5112299.html?fbclid=abc',
    'https://vnexpress.net/han-quoc-my-5112299.html?at_medium=RSS&at_campaign=rss',
    'https://vnexpress.net//han-quoc-my-5112299.html',
    'https://vnexpress.net:443/han-quoc-my-5112299.html',
    'https://vnexpress.net/han-quoc-my-5112299.html/amp',
  ])('%s is the same article', (u) => {
    expect(canonicalUrl(u)).toBe(base);
  });

  it('keeps identifying parameters only, in a stable order (KBS)', () => {
    const opts = { keepParams: ['lang', 'Seq_Code'] };
    const a = canonicalUrl('https://world.kbs.co.kr/service/news_view.htm?lang=v&Seq_Code=61234&board=x', opts);
    const b = canonicalUrl('https://world.kbs.co.kr/service/news_view.htm?Seq_Code=61234&lang=v', opts);
    expect(a).toBe(b);
    expect(canonicalUrl('https://world.kbs.co.kr/service/news_view.htm?Seq_Code=61234&lang=e', opts)).not.toBe(a);
  });

  it('refuses non-http URLs', () => {
    expect(() => canonicalUrl('javascript:alert(1)')).toThrow(/not an http/);
  });

  it('is idempotent and gives a 16-hex story id (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (u) => {
        const c = canonicalUrl(u);
        expect(canonicalUrl(c)).toBe(c);
        expect(storyIdFor(c)).toMatch(/^[0-9a-f]{16}$/);
      }),
    );
  });

  it('stripTracking drops tracking parameters but keeps the host as found', () => {
    expect(stripTracking('https://www.vietnamplus.vn/x-post1.vnp?utm_source=a&id=2#c')).toBe(
      'https://www.vietnamplus.vn/x-post1.vnp?id=2',
    );
  });
});

describe('articleIdentity', () => {
  const vne = { idPattern: '-(\\d{7})\\.html$' };
  it('makes an edited slug the same article when the outlet URL carries an id', () => {
    const a = articleIdentity(canonicalUrl('https://vnexpress.net/han-quoc-my-hop-ncg-5112299.html'), vne);
    const b = articleIdentity(
      canonicalUrl('https://m.vnexpress.net/han-quoc-va-my-hop-nhom-tham-van-hat-nhan-5112299.html?utm_source=x'),
      vne,
    );
    expect(a).toBe('vnexpress.net#5112299');
    expect(b).toBe(a);
    expect(storyIdFor(a)).toBe(storyIdFor(b));
  });
  it('falls back to the canonical URL when there is no pattern or no id', () => {
    const u = canonicalUrl('https://vnexpress.net/the-gioi');
    expect(articleIdentity(u, vne)).toBe(u);
    expect(articleIdentity(u)).toBe(u);
  });
});
