// The latest off-topic articles as lines (skipped, crawl --show-skipped).
import { recentSkipped } from '../../pipeline/article/skipped-articles.js';
import { formatSkipped } from '../../workers/run-once/crawl-once.js';
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';

/** What the list reads. */
export interface SkippedDeps {
  redis: Redis;
  keys: Keys;
}

export async function printRecentSkipped(rt: SkippedDeps, limit: number): Promise<void> {
  const items = await recentSkipped(rt.redis, rt.keys, limit);
  if (items.length === 0) process.stdout.write('no off-topic articles recorded\n');
  for (const i of items) process.stdout.write(`off-topic ${i.source_id} ${i.at}: ${formatSkipped(i)}\n`);
}
