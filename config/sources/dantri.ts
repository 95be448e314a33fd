import { defineSource } from '../source-schema.js';

// Dân trí (dantri.com.vn), reference/outlets.md §3.9: selectors from a real rendered page [html].
// Inside .singular-content sit a video.js player whose control text leaks, ad slots, the
// "Theo …" source box, related-article teasers and captioned figures: all dropped (the source
// box first read as the credit). The date attribute carries no zone: Vietnam time.
export default defineSource({
  id: 'dantri',
  name: 'Dân trí',
  homepage: 'https://dantri.com.vn/',
  hosts: ['dantri.com.vn'],
  schedule: { cron: '*/20 * * * *', jitterSeconds: 120 },
  discovery: {
    feeds: ['https://dantri.com.vn/rss/the-gioi.rss'],
    listings: [
      {
        url: 'https://dantri.com.vn/the-gioi/quan-su.htm',
        linkSelector: 'article.article-item h3.article-title a[href]',
        pageUrl: 'https://dantri.com.vn/the-gioi/quan-su/trang-{n}.htm',
        maxPages: 1,
      },
    ],
  },
  // /<section>[/<sub>]/<slug>-<yyyyMMddHHmmssSSS>.htm (reference §2.5)
  articleUrlPattern: '^https://dantri\\.com\\.vn/[a-z0-9-]+(?:/[a-z0-9-]+)?/[a-z0-9-]+-\\d{17}\\.htm$',
  canonical: { idPattern: '-(\\d{17})\\.htm$' },
  extract: {
    title: ['article.singular-container h1.title-page'],
    lead: ['h2.singular-sapo'],
    body: ['div.singular-content'],
    date: [{ selector: 'time.author-time', attr: 'datetime' }],
    author: ['.author-wrap .author-name a b'],
    section: [],
    credit: ['div.singular-source'],
    drop: [
      '.video-js',
      '[id^="ima-ad"]',
      'div.dta-unit',
      'div.singular-source',
      'div.article-related',
      'figure',
      'div.content-box',
      'div.tags-wrap',
      'ul.tags-wrap',
    ],
    dropText: ['^Trình phát Video', '^Xem thêm:'],
  },
  provenance: 'reference/outlets.md §3.9 (real page 2025-05 [html]); fixtures modeled 2026-11-23',
});
