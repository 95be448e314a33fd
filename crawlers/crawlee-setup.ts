// A fresh crawlee Configuration per crawl job (DESIGN.md §5): in-memory storage that nothing
// persists, so a long-lived worker does not grow crawlee's ./storage or share request queues
// between jobs. Cross-job state lives in Redis instead.
import { Configuration, log as crawleeLog } from 'crawlee';
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

export function freshCrawleeConfig(): Configuration {
  quietCrawlee();
  return new Configuration({
    persistStorage: false,
    purgeOnStart: false,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    systemInfoV2: true,
  });
}
