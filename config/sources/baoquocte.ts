import { defineSource, NOT_CHECKED } from '../source-schema.js';

// Báo Thế giới & Việt Nam / Báo Quốc tế (baoquocte.vn), reference/outlets.md §3.14: the newer
// article-detail selectors [code], the date in span.format_time (older markup) or JSON-LD; RSS
// at /rss_feed/ (/rss/the-gioi.rss is 404); the "Theo dõi Baoquocte.vn trên" follow-us widget
// is dropped.
export default defineSource({
  id: 'baoquocte',
  name: 'Báo Quốc tế',
  homepage: 'https://baoquocte.vn/',
  hosts: ['baoquocte.vn'],
  schedule: { cron: '*/30 * * * *', jitterSeconds: 180 },
  discovery: {
    feeds: ['https://baoquocte.vn/rss_feed/'],
    listings: [],
  },
  // /<slug>-<id>.html (reference §2.5)
  articleUrlPattern: '^https://baoquocte\\.vn/[a-z0-9-]+-\\d+\\.html$',
  canonical: { idPattern: '-(\\d+)\\.html$' },
  extract: {
    title: ['h1.article-detail-title'],
    lead: ['div.article-detail > p:first-child > strong'],
    body: ['div.article-detail.fw.lt.mb.clearfix', 'div.article-detail'],
    date: ['span.format_time', { selector: 'script[type="application/ld+json"]', json: 'datePublished' }],
    author: ['div.article-detail-meta span.author'],
    section: ['div.breadcrumbs a:last-child'],
    credit: [],
    drop: ['div.follow-widget', 'ul.tagsCould', 'figure'],
    dropText: ['^Theo dõi Baoquocte\\.vn trên'],
  },
  provenance: 'reference/outlets.md §3.14 [code, live copy]; fixtures modeled 2026-11-23',
  // No page as the outlet served it could be found to check these selectors against.
  selectorsCheckedOn: NOT_CHECKED,
});
