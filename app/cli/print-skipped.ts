// The latest off-topic articles as lines (skipped, crawl --show-skipped).
import { recentSkipped } from '../../pipeline/article/skipped-articles.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { formatSkipped } from '../../workers/run-once/crawl-once.js';

export async function printRecentSkipped(rt: Runtime, limit: number): Promise<void> {
  const items = await recentSkipped(rt.redis, rt.keys, limit);
  if (items.length === 0) process.stdout.write('no off-topic articles recorded\n');
  for (const i of items) process.stdout.write(`off-topic ${i.source_id} ${i.at}: ${formatSkipped(i)}\n`);
}
