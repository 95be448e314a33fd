import { defineSource, NOT_CHECKED } from '../source-schema.js';

// Báo Chính phủ (baochinhphu.vn), reference/outlets.md §2: -<18 digit id>.htm items; its feed
// writes pubDates US-style without a zone ("8/22/2026 11:00:00 PM", Vietnam time) [rss]; the sapo
// starts "(Chinhphu.vn) - " [rss]. The feed path is the common home.rss [inferred]. No extract
// selectors: the generic extractor reads the pages (the byline box under the body included).
export default defineSource({
  id: 'baochinhphu',
  name: 'Báo Chính phủ',
  homepage: 'https://baochinhphu.vn/',
  hosts: ['baochinhphu.vn'],
  schedule: { cron: '*/30 * * * *', jitterSeconds: 120 },
  discovery: { feeds: ['https://baochinhphu.vn/rss/home.rss'] },
  articleUrlPattern: '^https://baochinhphu\\.vn/[a-z0-9-]+-\\d{16,19}\\.htm$',
  canonical: { idPattern: '-(\\d{16,19})\\.htm$' },
  extract: {},
  provenance: 'reference/outlets.md §2.1, §2.3, §2.4 [rss]; feed path inferred; fixtures modeled 2026-11-27',
  selectorsCheckedOn: NOT_CHECKED,
});
