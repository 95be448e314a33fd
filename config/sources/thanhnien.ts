import { defineSource, NOT_CHECKED } from '../source-schema.js';

// Thanh Niên (thanhnien.vn), reference/outlets.md §3.3: current detail-* selectors [code], the
// date line "dd/mm/yyyy HH:MM GMT+7", figures with PhotoCMS captions and author lines; RSS
// pubDate with a 2-digit year.
export default defineSource({
  id: 'thanhnien',
  name: 'Thanh Niên',
  homepage: 'https://thanhnien.vn/',
  hosts: ['thanhnien.vn'],
  schedule: { cron: '*/20 * * * *', jitterSeconds: 120 },
  discovery: {
    feeds: ['https://thanhnien.vn/rss/the-gioi.rss'],
    listings: [
      {
        url: 'https://thanhnien.vn/the-gioi.htm',
        linkSelector: 'a.box-category-link-title[data-linktype="newsdetail"][href]',
        maxPages: 1,
      },
    ],
  },
  // -185<digits>.htm (reference §3.3 (f))
  articleUrlPattern: '^https://thanhnien\\.vn/[a-z0-9-]+-185\\d+\\.htm$',
  canonical: { idPattern: '-(185\\d+)\\.htm$' },
  extract: {
    title: ['h1.detail-title span[data-role="title"]', 'h1.detail-title'],
    lead: ['h2.detail-sapo[data-role="sapo"]', 'h2.detail-sapo'],
    body: ['div.detail-cmain div.detail-content[data-role="content"]'],
    date: ['div.detail-time div[data-role="publishdate"]'],
    author: ['div.detail-author a.name', 'div.author-info a.name'],
    section: ['div.detail-cate a[data-role="cate-name"]'],
    credit: [],
    drop: [
      'figure',
      'div.PhotoCMS_Author',
      'div[data-role="tags"]',
      'div.VCSortableInPreviewMode[type="RelatedOneNews"]',
    ],
    dropText: ['^>>', '^Xem thêm'],
  },
  provenance: 'reference/outlets.md §3.3 [code, rss]; fixtures modeled 2026-11-23',
  // No page as the outlet served it could be found to check these selectors against.
  selectorsCheckedOn: NOT_CHECKED,
});
