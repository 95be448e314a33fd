// `tinwatch start` crawls every source once at start-up instead of leaving a new user waiting for
// each source's next cron tick. The crawls are staggered (sources share one machine's cores), and
// each goes through the same deduplication id as a scheduled crawl, so a start right before a
// tick does not crawl a source twice.
import { addSourceCrawl } from '../../base/job-table.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';

/** Time between two sources' first crawls. */
export const FIRST_CRAWL_STAGGER_MS = 2_000;

/**
 * When each source's first crawl starts (ms from now), by source id. While feeds are polled on
 * their own, a source with feeds is first read by its polls, at once; a source without any is
 * first read by this crawl, so those go first: with no network every source is then seen failing
 * within seconds of start, not after the whole stagger.
 */
export function firstCrawlPlan(
  rt: Pick<Runtime, 'sources' | 'env'>,
  staggerMs = FIRST_CRAWL_STAGGER_MS,
): Map<string, number> {
  const polled = rt.env.TINWATCH_FEED_POLLING === 'adaptive';
  const order = [...rt.sources].sort(
    (a, b) => Number(polled && a.discovery.feeds.length > 0) - Number(polled && b.discovery.feeds.length > 0),
  );
  return new Map(order.map((s, i) => [s.id, i * staggerMs]));
}

/** Queues one crawl per source as planned. */
export async function queueFirstCrawls(rt: Runtime, plan: ReadonlyMap<string, number>): Promise<void> {
  for (const source of rt.sources) {
    const delay = plan.get(source.id);
    if (delay === undefined) continue;
    await addSourceCrawl(rt.queues.crawl, source.id, delay);
  }
  rt.log.info({ sources: plan.size }, 'first crawl of every source queued');
}
