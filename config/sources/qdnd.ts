import { defineSource, NOT_CHECKED } from '../source-schema.js';

// Quân đội Nhân dân (qdnd.vn), reference/outlets.md §3.7. Its RSS answers only a session that
// visited /rss first (which 302-redirects to itself while setting the session cookie): the
// prime URL. Selectors: post-title / post-summary / post-content (tammuoichanhoa's qdnd.vn
// config; the public sources disagree on the body, §3.7 (c)); the date from JSON-LD (§3.7 (d));
// the credit is the last paragraph in capitals, "(theo …)" for agency copy.
export default defineSource({
  id: 'qdnd',
  name: 'Quân đội Nhân dân',
  homepage: 'https://www.qdnd.vn/',
  hosts: ['qdnd.vn'],
  schedule: { cron: '*/30 * * * *', jitterSeconds: 180 },
  discovery: {
    primeUrl: 'https://www.qdnd.vn/rss',
    feeds: ['https://www.qdnd.vn/rss/cate/tin-tuc-moi-nhat.rss'],
    listings: [
      {
        url: 'https://www.qdnd.vn/quoc-te/quan-su-the-gioi',
        linkSelector: 'article h3 a[href], .list-news a[href]',
        pageUrl: 'https://www.qdnd.vn/quoc-te/quan-su-the-gioi/p/{n}',
        maxPages: 1,
      },
    ],
  },
  // /<section>/<sub>/<slug>-<id>, no extension (reference §2.5).
  articleUrlPattern: '^https://qdnd\\.vn/(?:[a-z0-9-]+/)+[a-z0-9-]+-\\d{5,}$',
  canonical: { idPattern: '-(\\d{5,})$' },
  extract: {
    title: ['h1.post-title'],
    lead: ['div.post-summary'],
    body: ['div.post-content'],
    date: [{ selector: 'script[type="application/ld+json"]', json: 'datePublished' }],
    author: [],
    section: ['ul.breadcrumbs li:last-child a'],
    credit: [],
    drop: ['div.post-summary p.logo-online', 'figure', '.post-relate', '.post-tags', '.box-share'],
    dropText: ['^Xem thêm:', '^Tin liên quan'],
    creditPattern: ['^[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .-]+(?: \\((?:theo|tổng hợp)[^)]*\\))?$'],
  },
  provenance: 'reference/outlets.md §3.7 [code, doc]; fixtures modeled 2026-11-23',
  // No page as the outlet served it could be found to check these selectors against.
  selectorsCheckedOn: NOT_CHECKED,
});
