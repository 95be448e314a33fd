import { defineSource, NOT_CHECKED } from '../source-schema.js';

// VietnamPlus (vietnamplus.vn, TTXVN), reference/outlets.md §3.4: ZCE CMS selectors [code] and
// the sibling ZCE page's time/author markup [html, PLO]; `+0700` offsets without a colon; some
// RSS titles are NFD (normalized on the way in). Wire copy also carried by Báo Tin tức: the
// dedupe index merges the two.
export default defineSource({
  id: 'vietnamplus',
  name: 'VietnamPlus (TTXVN)',
  homepage: 'https://www.vietnamplus.vn/',
  hosts: ['vietnamplus.vn'],
  schedule: { cron: '*/20 * * * *', jitterSeconds: 120 },
  discovery: {
    feeds: ['https://www.vietnamplus.vn/rss/thegioi.rss'],
    // The World section [inferred from the RSS naming]; ZCE story list markup (story__heading, as
    // on the ZCE sibling sites) [inferred].
    listings: [
      {
        url: 'https://www.vietnamplus.vn/the-gioi/',
        linkSelector: 'article.story .story__heading a[href]',
        maxPages: 1,
      },
    ],
  },
  // /<slug>-post<id>.vnp (reference §2.5)
  articleUrlPattern: '^https://vietnamplus\\.vn/[a-z0-9-]+-post\\d+\\.vnp$',
  canonical: { idPattern: '-post(\\d+)\\.vnp$' },
  extract: {
    title: ['h1.article__title.cms-title', 'h1.article__title'],
    lead: ['h2.article__sapo.cms-desc', '.article__sapo'],
    body: ['div.article__body.cms-body[itemprop="articleBody"]', 'div.article__body'],
    date: [
      { selector: 'time.article__time', attr: 'datetime' },
      { selector: 'meta.cms-date', attr: 'content' },
    ],
    author: ['div.article__meta .author.cms-author a.name'],
    section: ['div.breadcrumb a:last-child'],
    credit: ['div.article__body p.article__author', 'div.article__source'],
    drop: ['figure', 'div.story', 'div.article__tag', 'table.picture'],
    dropText: ['^Xem thêm:'],
  },
  provenance: 'reference/outlets.md §3.4 [code, rss, sibling html]; fixtures modeled 2026-11-23',
  // No page as the outlet served it could be found to check these selectors against.
  selectorsCheckedOn: NOT_CHECKED,
});
