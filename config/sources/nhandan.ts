import { defineSource, NOT_CHECKED } from '../source-schema.js';

// Nhân Dân (nhandan.vn), reference/outlets.md §3.15 and §2: the World feed [doc], -post<id>.html
// item URLs, `+07:00` pubDates, some feed titles in NFD [rss]. A ZCE CMS site: no extract
// selectors, the generic extractor reads its pages (sapo, body, the signed last line).
export default defineSource({
  id: 'nhandan',
  name: 'Nhân Dân',
  homepage: 'https://nhandan.vn/',
  hosts: ['nhandan.vn'],
  schedule: { cron: '*/30 * * * *', jitterSeconds: 120 },
  discovery: { feeds: ['https://nhandan.vn/rss/thegioi-1231.rss'] },
  articleUrlPattern: '^https://nhandan\\.vn/[a-z0-9-]+-post\\d+\\.html$',
  canonical: { idPattern: '-post(\\d+)\\.html$' },
  extract: {},
  provenance: 'reference/outlets.md §2.1, §2.5, §3.15 [doc, rss]; fixtures modeled 2026-11-27',
  // No extract selectors to check; no page as the outlet served it was at hand.
  selectorsCheckedOn: NOT_CHECKED,
});
