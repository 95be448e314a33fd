// crawlee 3.18 gives every request queue a deduplication cache of two 1,000,000-slot arrays
// (16 MB, allocated up front; @crawlee/core storages/request_dedup_cache.js). tinwatch opens one
// in-memory queue per crawl job, a dozen at once: enough empty slots to put the benchmark's peak
// RSS past its memory budget alone. A crawl job queues a few thousand requests at most,
// so the cache is given 16,384 slots here. A smaller cache only means more misses, and a miss is
// a harmless re-submission that the queue itself deduplicates (the file's own comment says so).
// The class is internal to crawlee (not in its package exports), so it is reached by file path;
// test/unit/crawlee-dedup-cache.test.ts fails if a crawlee upgrade moves or renames it.
import { createRequire } from 'node:module';
import path from 'node:path';

export const DEDUP_CACHE_SLOTS = 16_384;

type CacheClass = new (size?: number) => { size: number };
let patched = false;

export function shrinkCrawleeDedupCache(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  let mod: { RequestDeduplicationCache?: CacheClass };
  try {
    const core = path.dirname(require.resolve('@crawlee/core'));
    mod = require(path.join(core, 'storages', 'request_dedup_cache.js')) as typeof mod;
  } catch {
    return; // a crawlee without the cache: nothing to shrink
  }
  const Original = mod.RequestDeduplicationCache;
  if (!Original) return;
  mod.RequestDeduplicationCache = class extends Original {
    constructor(size = DEDUP_CACHE_SLOTS) {
      super(Math.min(size, DEDUP_CACHE_SLOTS));
    }
  };
}
