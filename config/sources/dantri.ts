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
    // Two layouts: the 2025 one (.singular-*) and the 2026 one, whose utility classes (dt-*)
    // say nothing, so its data-slot attributes are read (real page of 2026-03-07 in
    // ../shared/reference/real-pages).
    title: ['article.singular-container h1.title-page', 'h1[data-slot="title"]'],
    lead: ['h2.singular-sapo', 'h2[data-slot="sapo"]'],
    body: ['div.singular-content', 'div[data-slot="content"]'],
    date: [
      { selector: 'time.author-time', attr: 'datetime' },
      { selector: 'h1[data-slot="title"] ~ div time[datetime]', attr: 'datetime' },
    ],
    author: ['.author-wrap .author-name a b', 'h1[data-slot="title"] ~ div a[href*="/tac-gia/"]'],
    section: ['a[data-content-name="article-breadcrumb"]'],
    // The 2026 layout prints the byline beside the date, under the title.
    credit: ['div.singular-source', 'h1[data-slot="title"] ~ div a[href*="/tac-gia/"]'],
    drop: [
      '.video-js',
      '[id^="ima-ad"]',
      'div.dta-unit',
      'div.singular-source',
      'div.article-related',
      'figure',
      'div.dantri-widget',
      'div.content-box',
      'div.tags-wrap',
      'ul.tags-wrap',
    ],
    dropText: ['^Trình phát Video', '^Xem thêm:'],
  },
  provenance: 'reference/outlets.md §3.9 (real page 2025-05 [html]); fixtures modeled 2026-11-23',
  selectorsCheckedOn:
    'dantri-20260307080054340 (2026-03-07, the 2026 layout) in ../shared/reference/real-pages (scored by npm run eval:extract)',
});
