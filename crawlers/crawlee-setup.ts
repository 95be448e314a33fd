// A fresh crawlee Configuration per crawl job (DESIGN.md §5): in-memory storage that nothing
// persists, so a long-lived worker does not grow crawlee's ./storage or share request queues
// between jobs. Cross-job state lives in Redis instead.
import { Configuration, LocalEventManager, log as crawleeLog } from 'crawlee';
import { MemoryStorage } from '@crawlee/memory-storage';

let quieted = false;

/**
 * crawlee logs through its own logger; tinwatch reports every failure through pino (with the
 * source and URL), so crawlee's own output is switched off rather than printed twice.
 */
export function quietCrawlee(): void {
  if (quieted) return;
  crawleeLog.setLevel(crawleeLog.LEVELS.OFF);
  quieted = true;
}

// One event manager for every crawler in the process. Each crawlee Configuration would otherwise
// start its own, and each of those measures memory every second by spawning `ps`: with a dozen
// crawl jobs at once that was the benchmark's largest CPU cost. Crawlers do not close an event
// manager they did not initialise, so this one lives until closeCrawleeEvents().
let sharedEvents: LocalEventManager | undefined;

async function processEvents(): Promise<LocalEventManager> {
  if (!sharedEvents) {
    sharedEvents = new LocalEventManager(new Configuration({ systemInfoV2: true, persistStorage: false }));
    await sharedEvents.init();
  }
  return sharedEvents;
}

export async function closeCrawleeEvents(): Promise<void> {
  const events = sharedEvents;
  sharedEvents = undefined;
  await events?.close();
}

export async function freshCrawleeConfig(): Promise<Configuration> {
  quietCrawlee();
  return new Configuration({
    persistStorage: false,
    purgeOnStart: false,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    systemInfoV2: true,
    eventManager: await processEvents(),
  });
}
