// What a crawl asks for: feeds, sitemaps, searches and listing pages (all of a listing's pages, or
// only the first for a backfill), a sitemap index's own children, and the next backfill page.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { BackfillWalk } from '../../crawlers/crawl/backfill-walk.js';
import {
  discoveryRequests,
  listingPageKey,
  listingPageUrl,
  nextListingPage,
  searchUrl,
  sitemapChildren,
} from '../../crawlers/discovery/discovery-plan.js';
import type { ListingRequest } from '../../crawlers/fetch-request.js';
import { testSource } from '../helpers/test-source.js';

const source = testSource('plan.example.vn', {
  discovery: {
    feeds: ['https://plan.example.vn/rss.xml'],
    sitemaps: [{ url: 'https://plan.example.vn/sitemap.xml', childPattern: 'news', maxChildren: 2 }],
    search: [{ urlTemplate: 'https://plan.example.vn/tim?q={q}', queries: ['Hàn Quốc Mỹ'], linkSelector: 'h3 a' }],
    listings: [
      {
        url: 'https://plan.example.vn/the-gioi',
        pageUrl: 'https://plan.example.vn/the-gioi/trang-{n}',
        linkSelector: 'h3 a',
        maxPages: 2,
        backfillMaxPages: 3,
      },
    ],
  },
});

describe('discovery plan', () => {
  it('asks for every feed, sitemap, search and listing page, labelled with what the handler needs', () => {
    expect(discoveryRequests(source, false)).toEqual([
      { url: 'https://plan.example.vn/rss.xml', label: 'feed' },
      { url: 'https://plan.example.vn/sitemap.xml', label: 'sitemap', data: { sitemap: 0, depth: 0 } },
      {
        url: 'https://plan.example.vn/tim?q=H%C3%A0n+Qu%E1%BB%91c+M%E1%BB%B9',
        label: 'listing',
        data: { linkSelector: 'h3 a', search: 'Hàn Quốc Mỹ' },
      },
      {
        url: 'https://plan.example.vn/the-gioi',
        label: 'listing',
        data: { linkSelector: 'h3 a', listing: 0, page: 1 },
      },
      {
        url: 'https://plan.example.vn/the-gioi/trang-2',
        label: 'listing',
        data: { linkSelector: 'h3 a', listing: 0, page: 2 },
      },
    ]);
    expect(discoveryRequests(source, true).filter((r) => r.label === 'listing' && r.data.listing === 0)).toHaveLength(
      1,
    );
  });

  it('encodes a search query as a form would, and numbers listing pages', () => {
    expect(searchUrl('https://a.vn/s?q={q}', 'a b&c')).toBe('https://a.vn/s?q=a+b%26c');
    expect(listingPageUrl({ url: 'https://a.vn/x' }, 1)).toBe('https://a.vn/x');
    expect(listingPageUrl({ url: 'https://a.vn/x' }, 2)).toBeNull();
  });

  it("follows only the index's own children, newest first, two levels deep at most", () => {
    const req = {
      url: 'https://plan.example.vn/sitemap.xml',
      label: 'sitemap' as const,
      data: { sitemap: 0, depth: 0 },
    };
    const children = [
      { url: 'https://plan.example.vn/news-2026-01.xml', lastmod: '2026-01-31' },
      { url: 'https://plan.example.vn/news-2026-02.xml', lastmod: '2026-02-28' },
      { url: 'https://plan.example.vn/video-2026-02.xml', lastmod: '2026-02-28' },
      { url: 'https://evil.example/news-2026-03.xml', lastmod: '2026-03-31' },
      { url: 'https://plan.example.vn:8443/news-2026-03.xml', lastmod: '2026-03-31' },
    ];
    const got = sitemapChildren(source, req, children);
    expect(got.map((r) => r.url)).toEqual([
      'https://plan.example.vn/news-2026-02.xml',
      'https://plan.example.vn/news-2026-01.xml',
    ]);
    expect(got[0]!.data.depth).toBe(1);
    expect(sitemapChildren(source, { ...req, data: { sitemap: 0, depth: 2 } }, children)).toEqual([]);
  });

  it('walks a backfill to the next listing page within its depth, never for a search page', () => {
    const page = (n: number): ListingRequest => ({
      url: listingPageUrl(source.discovery.listings[0]!, n)!,
      label: 'listing',
      data: { linkSelector: 'h3 a', listing: 0, page: n },
    });
    expect(nextListingPage(source, page(1))).toEqual(page(2));
    expect(nextListingPage(source, page(3))).toBeNull();
    expect(nextListingPage(source, { ...page(1), data: { linkSelector: 'h3 a', search: 'x' } })).toBeNull();
    expect(listingPageKey(page(2))).toBe('0:2');
  });
});

describe('backfill walk', () => {
  const log = pino({ level: 'silent' });
  const next: ListingRequest = {
    url: 'https://a.vn/p2',
    label: 'listing',
    data: { linkSelector: 'a', listing: 0, page: 2 },
  };

  it('asks for the next page once every article of this one settled, while any is newer than the date', () => {
    const walk = new BackfillWalk(Date.parse('2026-03-01T00:00:00Z'), log);
    walk.expect('0:1', 2, next);
    expect(walk.settle('0:1', '2026-02-01T00:00:00Z')).toEqual([]);
    expect(walk.settle('0:1', '2026-03-05T00:00:00Z')).toEqual([next]);
    expect(walk.settle('0:1', '2026-03-05T00:00:00Z')).toEqual([]); // settled once only
  });

  it('stops at a page entirely older than the date, and goes on past a page of failures', () => {
    const walk = new BackfillWalk(Date.parse('2026-03-01T00:00:00Z'), log);
    walk.expect('0:1', 1, next);
    expect(walk.settle('0:1', '2026-02-01T00:00:00Z')).toEqual([]);
    walk.expect('0:2', 2, next);
    expect(walk.settle('0:2', null)).toEqual([]);
    expect(walk.settle('0:2', null)).toEqual([next]); // nothing dated: cannot tell, so walk on
    expect(walk.settle(undefined, '2026-03-05T00:00:00Z')).toEqual([]);
  });
});
