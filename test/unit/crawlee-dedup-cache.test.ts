// The crawlee request-queue cache shrink (crawlers/crawlee-dedup-cache.ts) reaches into crawlee's
// internals: this fails if an upgrade moves them, instead of memory quietly growing back.
import { RequestQueue } from 'crawlee';
import { describe, expect, it } from 'vitest';
import { DEDUP_CACHE_SLOTS } from '../../crawlers/crawlee-dedup-cache.js';
import { freshCrawleeConfig } from '../../crawlers/crawlee-setup.js';

describe('crawlee request queue dedup cache', () => {
  it('is 16,384 slots, not a million, in every fresh crawl configuration', async () => {
    const config = await freshCrawleeConfig();
    const queue = await RequestQueue.open(null, { config });
    const cache = (queue as unknown as { requestSeenCache: { size: number; keys: unknown[] } }).requestSeenCache;
    expect(cache.size).toBe(DEDUP_CACHE_SLOTS);
    expect(cache.keys).toHaveLength(DEDUP_CACHE_SLOTS);
    // Still deduplicates: the same URL twice is one request.
    await queue.addRequests([
      { url: 'http://127.0.0.1/a' },
      { url: 'http://127.0.0.1/a' },
      { url: 'http://127.0.0.1/b' },
    ]);
    expect(await queue.handledCount()).toBe(0);
    let n = 0;
    while (await queue.fetchNextRequest()) n++;
    expect(n).toBe(2);
    await queue.drop();
  });
});
