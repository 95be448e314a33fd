// `tinwatch start` staggers the first crawls. A source with feeds is first read by its feed polls
// at once, so the sources without feeds must come first in the stagger: with no network the last
// of them used to be tried 38 s after start (the 20th slot), past the 60 s the operator waits for.
import { describe, expect, it } from 'vitest';
import { firstCrawlPlan } from '../../app/cli/first-crawls.js';
import type { Env } from '../../config/env.js';
import { testSource } from '../helpers/test-source.js';

const listingOnly = (host: string) =>
  testSource(host, { discovery: { listings: [{ url: `https://${host}/news`, linkSelector: 'a' }] } });

const sources = [
  testSource('a-feeds.vn'),
  listingOnly('b-listing.vn'),
  testSource('c-feeds.vn'),
  listingOnly('d-listing.vn'),
];

describe('first crawl plan', () => {
  it('crawls the sources no feed poll reads first, the others after, each in config order', () => {
    const plan = firstCrawlPlan({ sources, env: { TINWATCH_FEED_POLLING: 'adaptive' } as Env }, 2_000);
    expect([...plan]).toEqual([
      ['b-listing', 0],
      ['d-listing', 2_000],
      ['a-feeds', 4_000],
      ['c-feeds', 6_000],
    ]);
  });

  it('keeps the config order when feeds are read by the crawls themselves', () => {
    const plan = firstCrawlPlan({ sources, env: { TINWATCH_FEED_POLLING: 'off' } as Env }, 2_000);
    expect([...plan.keys()]).toEqual(['a-feeds', 'b-listing', 'c-feeds', 'd-listing']);
  });
});
