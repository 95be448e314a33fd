import { defineSource, NOT_CHECKED } from '../source-schema.js';

// Sài Gòn Giải Phóng (sggp.org.vn), reference/outlets.md §2: www.sggp.org.vn/<slug>-post<id>.html
// items with `+07:00` pubDates, summaries followed by related-link lists [rss]. The feed path is
// the ZCE sites' home.rss [inferred from its siblings Nhân Dân, Tiền Phong, CAND]. No extract
// selectors: the generic extractor reads the pages.
export default defineSource({
  id: 'sggp',
  name: 'Sài Gòn Giải Phóng',
  homepage: 'https://www.sggp.org.vn/',
  hosts: ['sggp.org.vn'],
  schedule: { cron: '*/30 * * * *', jitterSeconds: 120 },
  discovery: { feeds: ['https://www.sggp.org.vn/rss/home.rss'] },
  articleUrlPattern: '^https://sggp\\.org\\.vn/[a-z0-9-]+-post\\d+\\.html$',
  canonical: { idPattern: '-post(\\d+)\\.html$' },
  extract: {},
  provenance: 'reference/outlets.md §2.1, §2.4 [rss]; feed path inferred; fixtures modeled 2026-11-27',
  selectorsCheckedOn: NOT_CHECKED,
});
