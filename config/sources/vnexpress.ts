import { defineSource } from '../source-schema.js';

// VnExpress (vnexpress.net). Selectors: reference/outlets.md §3.1, seen in a real saved page
// [html] and used by several public scrapers; listing anchors from tammuoichanhoa's config.
export default defineSource({
  id: 'vnexpress',
  name: 'VnExpress',
  homepage: 'https://vnexpress.net/',
  hosts: ['vnexpress.net', 'timkiem.vnexpress.net'],
  schedule: { cron: '*/15 * * * *', jitterSeconds: 120 },
  discovery: {
    feeds: ['https://vnexpress.net/rss/the-gioi.rss'],
    listings: [
      {
        url: 'https://vnexpress.net/the-gioi/quan-su',
        linkSelector: 'article.item-news h3.title-news a[href], article.item-news h2.title-news a[href]',
        pageUrl: 'https://vnexpress.net/the-gioi/quan-su-p{n}',
        maxPages: 1,
      },
    ],
    // Site search, results under .item-news .title-news a (reference §3.1 (f)).
    search: [
      {
        urlTemplate: 'https://timkiem.vnexpress.net/?q={q}&media_type=text&cate_code=the-gioi&date_format=week&page=1',
        queries: ['Hàn Quốc Mỹ quốc phòng'],
        linkSelector: '.item-news .title-news a[href]',
      },
    ],
  },
  // /<slug>-<7 digits>.html (reference §2.5)
  articleUrlPattern: '^https://vnexpress\\.net/[a-z0-9-]+-\\d{7}\\.html$',
  // The trailing number is the article id: a slug edited after publication is the same article.
  canonical: { idPattern: '-(\\d{7})\\.html$' },
  extract: {
    title: ['h1.title-detail'],
    lead: ['p.description'],
    body: ['article.fck_detail'],
    date: [{ selector: 'meta[name="pubdate"]', attr: 'content' }, 'span.date'],
    author: ['article.fck_detail p.author_mail strong', 'article.fck_detail p.Normal[style*="right"] strong'],
    section: ['ul.breadcrumb li:last-child a'],
    credit: ['article.fck_detail p.author_mail', 'article.fck_detail p.Normal[style*="right"]'],
    drop: [
      'figure',
      '.tplCaption',
      'div[data-component-type="tin_xemthem"]',
      '.box-tinlienquanv2',
      '.social_pin',
      '.footer-content',
      'p.description span.location-stamp',
    ],
    dropText: ['^Xem thêm:'],
  },
  provenance: 'reference/outlets.md §3.1 (real page 2023-11 [html]); fixtures modeled 2026-11-22',
  selectorsCheckedOn:
    'vnexpress-5047363 (2026-03-07) in ../shared/reference/real-pages (scored by npm run eval:extract)',
});
