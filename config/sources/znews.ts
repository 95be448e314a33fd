import { defineSource } from '../source-schema.js';

// Znews (znews.vn), reference/outlets.md §3.10: the-article-* selectors [code]; discovery
// through the sitemap index's sitemap-news child (the world RSS feed is unverified).
export default defineSource({
  id: 'znews',
  name: 'Znews',
  homepage: 'https://znews.vn/',
  hosts: ['znews.vn'],
  schedule: { cron: '*/20 * * * *', jitterSeconds: 120 },
  discovery: {
    feeds: [],
    sitemaps: [{ url: 'https://znews.vn/sitemap/sitemap.xml', childPattern: 'sitemap-news', maxChildren: 1 }],
    listings: [],
  },
  // -(post|news|video)<id>.html (reference §3.10)
  articleUrlPattern: '^https://znews\\.vn/[a-z0-9-]+-(?:post|news|video)\\d+\\.html$',
  canonical: { idPattern: '-(?:post|news|video)(\\d+)\\.html$' },
  extract: {
    title: ['h1.the-article-title'],
    lead: ['p.the-article-summary'],
    body: ['div.the-article-body'],
    date: ['ul.the-article-meta li.the-article-publish'],
    author: ['ul.the-article-meta li.the-article-author a', 'div.the-article-credit p.author'],
    section: ['p.the-article-category a'],
    credit: ['div.the-article-credit p.author'],
    // div.notebox: an in-article promo; table.article: related-article cards inside the body;
    // table.picture: a photo and its caption.
    drop: ['#innerarticle', 'figure', '.the-article-tags', 'div.notebox', 'table.article', 'table.picture'],
    dropText: [],
  },
  provenance: 'reference/outlets.md §3.10 [code, doc]; fixtures modeled 2026-11-23',
  selectorsCheckedOn: 'znews-1528657 (2025-02-02) in ../shared/reference/real-pages (scored by npm run eval:extract)',
});
