import { defineSource, NOT_CHECKED } from '../source-schema.js';

// BBC News Tiếng Việt, reference/outlets.md §2: items are bbc.com/vietnamese/articles/<id>
// with AT Internet tracking parameters (at_medium, at_campaign: dropped from the canonical
// URL), pubDates in GMT [rss]. The feed is BBC's feeds.bbci.co.uk/<service>/rss.xml [inferred
// from the other BBC services]. Class names are hashed per build, so no selector would last:
// the generic extractor reads the pages (region labels such as the byline's, JSON-LD date).
export default defineSource({
  id: 'bbc-vietnamese',
  name: 'BBC News Tiếng Việt',
  homepage: 'https://www.bbc.com/vietnamese',
  hosts: ['bbc.com', 'feeds.bbci.co.uk'],
  timezone: '+07:00',
  schedule: { cron: '*/30 * * * *', jitterSeconds: 120 },
  discovery: { feeds: ['https://feeds.bbci.co.uk/vietnamese/rss.xml'] },
  articleUrlPattern: '^https://bbc\\.com/vietnamese/articles/[a-z0-9]+$',
  canonical: { keepParams: [], idPattern: '/articles/([a-z0-9]+)$' },
  extract: {},
  provenance: 'reference/outlets.md §2.1, §2.2 [rss]; feed path inferred; fixtures modeled 2026-11-27',
  selectorsCheckedOn: NOT_CHECKED,
});
