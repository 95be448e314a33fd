import { defineSource, NOT_CHECKED } from '../source-schema.js';

// Công an Nhân dân, reference/outlets.md §3.12: the domain moved from cand.com.vn to cand.vn
// (2026-07), RSS home.rss [doc]; items are cand.vn/<slug>-post<id>.html [rss]. The old site's
// selectors are stale after the move to the ZCE CMS, so none are kept: the generic extractor
// reads the pages.
export default defineSource({
  id: 'cand',
  name: 'Công an Nhân dân',
  homepage: 'https://cand.vn/',
  hosts: ['cand.vn'],
  schedule: { cron: '*/30 * * * *', jitterSeconds: 120 },
  discovery: { feeds: ['https://cand.vn/rss/home.rss'] },
  articleUrlPattern: '^https://cand\\.vn/[a-z0-9-]+-post\\d+\\.html$',
  canonical: { idPattern: '-post(\\d+)\\.html$' },
  extract: {},
  provenance: 'reference/outlets.md §2.5, §3.12 [doc, rss]; fixtures modeled 2026-11-27',
  selectorsCheckedOn: NOT_CHECKED,
});
