import { defineSource } from '../source-schema.js';

// Người Lao Động (nld.com.vn), reference/outlets.md §3.11: detail-* selectors (VCCorp, like
// Thanh Niên); paragraphs of .detail-author / .detail-info / .detail-social are not text; the
// date from article:published_time.
export default defineSource({
  id: 'nld',
  name: 'Người Lao Động',
  homepage: 'https://nld.com.vn/',
  hosts: ['nld.com.vn'],
  schedule: { cron: '*/30 * * * *', jitterSeconds: 120 },
  discovery: {
    feeds: ['https://nld.com.vn/rss/home.rss'],
    // Quốc tế [inferred]; VCCorp timeline anchors as on Thanh Niên (same CMS family).
    listings: [
      {
        url: 'https://nld.com.vn/thoi-su/quoc-te.htm',
        linkSelector: 'a.box-category-link-title[data-linktype="newsdetail"][href]',
        maxPages: 1,
      },
    ],
  },
  articleUrlPattern: '^https://nld\\.com\\.vn/[a-z0-9-]+-\\d{15,}\\.htm$',
  canonical: { idPattern: '-(\\d{15,})\\.htm$' },
  extract: {
    title: ['h1.detail-title'],
    lead: ['h2.detail-sapo'],
    body: ['div.detail-content.afcbc-body'],
    date: [{ selector: 'meta[property="article:published_time"]', attr: 'content' }],
    author: ['div.detail-author p.name', 'div.detail-author a.name'],
    section: ['div.detail-cate a'],
    // The byline is printed above the article (p.name, data-role=author).
    credit: ['div.detail-author p.name[data-role="author"]'],
    drop: [
      'div.detail-author',
      'div.detail-info',
      'div.detail-social',
      // Embedded boxes share one class; those of type "content" hold body paragraphs.
      'div.VCSortableInPreviewMode:not([type="content"])',
      'div.detail-tab',
    ],
    dropText: [],
  },
  provenance: 'reference/outlets.md §3.11 [code]; fixtures modeled 2026-11-23',
  selectorsCheckedOn:
    'nld-196260307071308923 (2026-03-07) in ../shared/reference/real-pages (scored by npm run eval:extract)',
});
