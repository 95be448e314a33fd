import { defineSource } from '../source-schema.js';

// Tuổi Trẻ (tuoitre.vn), reference/outlets.md §3.2: VCCorp-style detail-* selectors [code]; RSS
// pubDate in US format with U+202F and no zone (read as Vietnam time). No military section:
// the world feed and section carry the coverage.
export default defineSource({
  id: 'tuoitre',
  name: 'Tuổi Trẻ',
  homepage: 'https://tuoitre.vn/',
  hosts: ['tuoitre.vn'],
  schedule: { cron: '*/20 * * * *', jitterSeconds: 120 },
  discovery: {
    feeds: ['https://tuoitre.vn/rss/the-gioi.rss'],
    listings: [
      {
        url: 'https://tuoitre.vn/the-gioi.htm',
        linkSelector: 'li.news-item h3.title-news a[href], a.box-category-link-title[href]',
        pageUrl: 'https://tuoitre.vn/the-gioi/trang-{n}.htm',
        maxPages: 1,
      },
    ],
    search: [
      {
        urlTemplate: 'https://tuoitre.vn/tim-kiem.htm?keywords={q}',
        queries: ['Hàn Quốc Mỹ tập trận'],
        linkSelector: 'li.news-item h3.title-news a[href], a.box-category-link-title[href]',
      },
    ],
  },
  // /<slug>-<18 digits>.htm, "100" + yyMMddHHmmssSSS (reference §2.5)
  articleUrlPattern: '^https://tuoitre\\.vn/[a-z0-9-]+-\\d{18}\\.htm$',
  canonical: { idPattern: '-(\\d{18})\\.htm$' },
  extract: {
    title: ['h1.detail-title.article-title', 'h1.detail-title'],
    lead: ['h2.detail-sapo'],
    body: ['div.detail-content.afcbc-body'],
    date: ['div.detail-time'],
    author: ['div.detail-author a.name', 'a.name'],
    section: ['div.detail-cate a'],
    // The byline the outlet prints under the article ("NHẬT XUÂN - NGHI VŨ").
    credit: ['div.detail-author-bot'],
    // Embedded boxes share one class; those of type "content" hold body paragraphs.
    drop: [
      'figure',
      'figcaption',
      'div.VCSortableInPreviewMode:not([type="content"])',
      'div.relate-container',
      'div.detail-tab',
    ],
    dropText: ['^Đọc tiếp', '^>>'],
  },
  provenance: 'reference/outlets.md §3.2 [code, rss]; fixtures modeled 2026-11-23',
  selectorsCheckedOn:
    'tuoitre-20260307075519174 (2026-03-07) in ../shared/reference/real-pages (scored by npm run eval:extract)',
});
