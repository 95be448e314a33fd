import { defineSource, NOT_CHECKED } from '../source-schema.js';

// VTV (vtv.vn), reference/outlets.md §3.15 and §2: RSS home.rss [doc] (it carried Korea–US
// exercise news), -<18 digit id>.htm items, pubDates with a bare `+07` [rss]; the sapo starts
// "VTV.vn - " [rss]. No extract selectors: the generic extractor reads the pages.
export default defineSource({
  id: 'vtv',
  name: 'VTV',
  homepage: 'https://vtv.vn/',
  hosts: ['vtv.vn'],
  schedule: { cron: '*/30 * * * *', jitterSeconds: 120 },
  discovery: { feeds: ['https://vtv.vn/rss/home.rss'] },
  articleUrlPattern: '^https://vtv\\.vn/[a-z0-9-]+-\\d{16,19}\\.htm$',
  canonical: { idPattern: '-(\\d{16,19})\\.htm$' },
  extract: {},
  provenance: 'reference/outlets.md §2.1, §2.4, §3.15 [doc, rss]; fixtures modeled 2026-11-27',
  selectorsCheckedOn: NOT_CHECKED,
});
