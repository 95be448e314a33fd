import { defineSource, NOT_CHECKED } from '../source-schema.js';

// VOV (vov.vn), reference/outlets.md §3.6: .article-title / .detail.detail--normal
// (giapham123), div[itemprop=articleBody] (vpeopleonatank), the date from
// article:published_time; the text opens with "VOV.VN - " (kept: it is how the outlet prints it;
// dedupe strips it). Articles are …-post<id>.vov.
export default defineSource({
  id: 'vov',
  name: 'Báo điện tử VOV',
  homepage: 'https://vov.vn/',
  hosts: ['vov.vn'],
  schedule: { cron: '*/20 * * * *', jitterSeconds: 120 },
  discovery: {
    feeds: ['https://vov.vn/rss/the-gioi.rss'],
    // Quân sự - Quốc phòng, paginated ?page=N (vpeopleonatank VovCategoryLoader) [code]; the card
    // markup is [inferred]: no public scraper records the anchors.
    listings: [
      {
        url: 'https://vov.vn/quan-su-quoc-phong',
        linkSelector: '.card-news .card-title a[href]',
        pageUrl: 'https://vov.vn/quan-su-quoc-phong?page={n}',
        maxPages: 1,
      },
    ],
  },
  articleUrlPattern: '^https://vov\\.vn/[a-z0-9-]+(?:/[a-z0-9-]+)*-post\\d+\\.vov$',
  canonical: { idPattern: '-post(\\d+)\\.vov$' },
  extract: {
    title: ['h1.article-title'],
    lead: [],
    body: ['div.detail.detail--normal[itemprop="articleBody"]', 'div[itemprop="articleBody"]'],
    date: [{ selector: 'meta[property="article:published_time"]', attr: 'content' }],
    author: [],
    section: ['div.breadcrumb a:last-child'],
    credit: ['div[itemprop="articleBody"] p.text-right'],
    drop: ['div.video-embed', 'div.box-related', 'figure'],
    dropText: [],
  },
  provenance: 'reference/outlets.md §3.6 [code, rss]; fixtures modeled 2026-11-23',
  // No page as the outlet served it could be found to check these selectors against.
  selectorsCheckedOn: NOT_CHECKED,
});
