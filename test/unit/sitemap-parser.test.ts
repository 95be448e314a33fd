// Sitemaps: an index lists its children, a (news) urlset its articles with their dates.
import { describe, expect, it } from 'vitest';
import { parseSitemap } from '../../crawlers/discovery/sitemap-parser.js';
import { SITEMAP_MAX_ENTRIES } from '../../crawlers/discovery/item-cap.js';

describe('parseSitemap', () => {
  it('reads a sitemap index', () => {
    const s = parseSitemap(
      `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://znews.vn/sitemap/sitemap-news.xml</loc><lastmod>2026-08-21T10:00:00+07:00</lastmod></sitemap>
<sitemap><loc>/sitemap/sitemap-article-2026-08.xml</loc></sitemap></sitemapindex>`,
      'https://znews.vn/sitemap/sitemap.xml',
    );
    expect(s).toEqual({
      kind: 'index',
      sitemaps: [
        { url: 'https://znews.vn/sitemap/sitemap-news.xml', lastmod: '2026-08-21T10:00:00+07:00' },
        { url: 'https://znews.vn/sitemap/sitemap-article-2026-08.xml', lastmod: null },
      ],
    });
  });

  it('reads a news urlset with publication dates (preferred over lastmod), once per URL', () => {
    const s = parseSitemap(
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://znews.vn/han-my-tap-tran-post1590001.html</loc><lastmod>2026-08-21T12:00:00+07:00</lastmod>
<news:news><news:publication><news:name>Znews</news:name><news:language>vi</news:language></news:publication><news:publication_date>2026-08-21T09:15:00+07:00</news:publication_date><news:title>Hàn - Mỹ tập trận</news:title></news:news></url>
<url><loc>https://znews.vn/han-my-tap-tran-post1590001.html</loc></url>
<url><loc>https://znews.vn/bai-khac-post1590002.html</loc><lastmod>2026-08-20 08:00</lastmod></url></urlset>`,
      'https://znews.vn/sitemap/sitemap-news.xml',
    );
    expect(s).toEqual({
      kind: 'urlset',
      urls: [
        { url: 'https://znews.vn/han-my-tap-tran-post1590001.html', publishedAt: '2026-08-21T09:15:00+07:00' },
        { url: 'https://znews.vn/bai-khac-post1590002.html', publishedAt: '2026-08-20T08:00:00+07:00' },
      ],
    });
  });

  it('refuses what is not a sitemap, naming the URL', () => {
    expect(() => parseSitemap('<html><body>404</body></html>', 'https://x.vn/sitemap.xml')).toThrow(
      /not a sitemap: https:\/\/x\.vn\/sitemap\.xml/,
    );
    expect(() => parseSitemap('<?xml version="1.0"?><rss/>', 'https://x.vn/s.xml')).toThrow(/no <urlset>/);
  });
});

describe('sitemap size', () => {
  it('reads at most SITEMAP_MAX_ENTRIES entries of a huge sitemap, the first ones', () => {
    const n = 60_000;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from(
      { length: n },
      (_, i) => `<url><loc>https://example.vn/tin-${i}.html</loc></url>`,
    ).join('')}</urlset>`;
    const map = parseSitemap(xml, 'https://example.vn/sitemap.xml');
    expect(map.kind).toBe('urlset');
    const urls = map.kind === 'urlset' ? map.urls : [];
    expect(urls).toHaveLength(SITEMAP_MAX_ENTRIES);
    expect(urls[0]!.url).toBe('https://example.vn/tin-0.html');
  });
});
