import { defineSource, NOT_CHECKED } from '../source-schema.js';

// Tiền Phong (tienphong.vn), reference/outlets.md §3.13: RSS home.rss (live) [doc], items
// -post<id>.tpo with `+07:00` pubDates [rss]. ZCE CMS; the generic extractor reads the pages
// (the documented ZCE selectors are what it finds anyway).
export default defineSource({
  id: 'tienphong',
  name: 'Tiền Phong',
  homepage: 'https://tienphong.vn/',
  hosts: ['tienphong.vn'],
  schedule: { cron: '*/30 * * * *', jitterSeconds: 120 },
  discovery: { feeds: ['https://tienphong.vn/rss/home.rss'] },
  articleUrlPattern: '^https://tienphong\\.vn/[a-z0-9-]+-post\\d+\\.tpo$',
  canonical: { idPattern: '-post(\\d+)\\.tpo$' },
  extract: {},
  provenance: 'reference/outlets.md §2.5, §3.13 [doc, rss, code]; fixtures modeled 2026-11-27',
  selectorsCheckedOn: NOT_CHECKED,
});
