import { defineSource, NOT_CHECKED } from '../source-schema.js';

// Báo Tin tức (baotintuc.vn, TTXVN). Selectors: reference/outlets.md §3.5, the ≤2021 dict
// (`h1.title`, `h2.sapo`, `div.boxdetail`) and ltruonghai257's crawler; boilerplate from seeds
// 002/004. Neither RSS URL in the reference was verified live: the feed below is the one most
// configs use, the section listing is the reliable path.
export default defineSource({
  id: 'baotintuc',
  name: 'Báo Tin tức (TTXVN)',
  homepage: 'https://baotintuc.vn/',
  hosts: ['baotintuc.vn'],
  schedule: { cron: '*/20 * * * *', jitterSeconds: 120 },
  discovery: {
    feeds: ['https://baotintuc.vn/tin-moi-nhat.rss'],
    listings: [
      {
        url: 'https://baotintuc.vn/quan-su-514ct0.htm',
        linkSelector: 'div.listspecial ul li h3 a[href], .list-news h3 a[href]',
        pageUrl: 'https://baotintuc.vn/quan-su-514ct0/trang-{n}.htm',
        maxPages: 1,
      },
    ],
  },
  // /<section>/<slug>-<yyyyMMddHHmmssSSS>.htm (reference §2.5)
  articleUrlPattern: '^https://baotintuc\\.vn/[a-z0-9-]+/[a-z0-9-]+-\\d{17}\\.htm$',
  // The trailing number is the article id: a slug edited after publication is the same article.
  canonical: { idPattern: '-(\\d{17})\\.htm$' },
  extract: {
    title: ['h1.detail-title', 'h1.title'],
    lead: ['h2.sapo', '.sapo'],
    body: ['div.boxdetail', 'div.post-content', 'div.contents'],
    date: [{ selector: 'meta[itemprop="datePublished"]', attr: 'content' }, 'div.date', 'div.time'],
    author: ['div.boxdetail p.author', 'div.boxdetail p[style*="right"]'],
    section: ['div.breadcrumb a:last-child'],
    credit: ['div.boxdetail p.author', 'div.boxdetail p[style*="right"]'],
    drop: [
      'figure',
      'table.picture',
      '.image-caption',
      '.news-related',
      '.box-related',
      '.share-social',
      'div.tags',
      '.footer',
    ],
    dropText: [],
  },
  provenance: 'reference/outlets.md §3.5 [code, old dicts] + seeds 002/004; fixtures modeled 2026-11-22',
  // No page as the outlet served it could be found to check these selectors against.
  selectorsCheckedOn: NOT_CHECKED,
});
