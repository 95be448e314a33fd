import { defineSource, NOT_CHECKED } from '../source-schema.js';

// military.com.vn, the source of seed 003. Little is documented (reference/outlets.md §3.15): URL
// `/<slug>.<id>.html`, a `dd-mm-yyyy HH:MM` date line, a "Tin Mới Nhất" sidebar, and the body
// present twice in the DOM (written once: extraction drops repeated paragraphs).
export default defineSource({
  id: 'military-com-vn',
  name: 'Military.com.vn',
  homepage: 'https://military.com.vn/',
  hosts: ['military.com.vn'],
  schedule: { cron: '0 * * * *', jitterSeconds: 300 },
  discovery: {
    feeds: [],
    listings: [
      {
        url: 'https://military.com.vn/quan-su-the-gioi',
        linkSelector: '.list-news .item h3 a[href]',
        maxPages: 1,
      },
    ],
  },
  articleUrlPattern: '^https://military\\.com\\.vn/[a-z0-9-]+\\.\\d+\\.html$',
  // The trailing number is the article id: a slug edited after publication is the same article.
  canonical: { idPattern: '\\.(\\d+)\\.html$' },
  extract: {
    title: ['h1.detail-title'],
    lead: ['div.detail-sapo'],
    body: ['div.detail-content'],
    date: ['div.detail-sapo span.detail-time', 'span.detail-time'],
    author: ['div.detail-source'],
    section: ['.breadcrumb a:last-child'],
    credit: ['div.detail-source'],
    drop: ['div.detail-sapo span.detail-time', 'figure', '.sidebar', '.box-latest', '.share'],
    dropText: [],
  },
  provenance: 'reference/outlets.md §3.15 [live copy] + seed 003; fixtures modeled 2026-11-22',
  // No page as the outlet served it could be found to check these selectors against.
  selectorsCheckedOn: NOT_CHECKED,
});
