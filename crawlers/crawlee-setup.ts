// A fresh crawlee Configuration per crawl job (ARCHITECTURE.md, house habits): in-memory storage that nothing
// persists, so a long-lived worker does not grow crawlee's ./storage or share request queues
// between jobs. Cross-job state lives in Redis instead.
import { Configuration, EventManager, LocalEventManager, log as crawleeLog, type EventType } from 'crawlee';

// crawlee declares its event names as a const enum, which this build cannot read at runtime.
const SYSTEM_INFO = 'systemInfo' as EventType.SYSTEM_INFO;
import { MemoryStorage } from '@crawlee/memory-storage';
import { closeWithRuntime } from '../base/runtime-closers.js';
import { shrinkCrawleeDedupCache } from './crawlee-dedup-cache.js';

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

// One system-info source for every crawler in the process. Each crawlee Configuration would
// otherwise start its own LocalEventManager, and each of those measures memory every second by
// spawning `ps`: with a dozen crawl jobs at once that was the benchmark's largest CPU cost.
// Crawlers do not get the shared manager itself, though: crawlee's request queues subscribe to
// it and never unsubscribe, so each finished crawl job (its queue, storage and requests) would
// stay reachable for ever — the soak test saw the heap double in two minutes. Each crawl job gets
// its own JobEventManager instead, which relays the shared system info while its crawler runs
// and is collected with the job.
let sharedEvents: LocalEventManager | undefined;

async function processEvents(): Promise<LocalEventManager> {
  if (!sharedEvents) {
    sharedEvents = new LocalEventManager(new Configuration({ systemInfoV2: true, persistStorage: false }));
    await sharedEvents.init();
    closeWithRuntime(closeCrawleeEvents);
  }
  return sharedEvents;
}

export async function closeCrawleeEvents(): Promise<void> {
  const events = sharedEvents;
  sharedEvents = undefined;
  await events?.close();
}

/** A crawl job's own event manager: relays the process's system info between init and close. */
class JobEventManager extends EventManager {
  private readonly relay = (info: unknown): void => this.emit(SYSTEM_INFO, info);

  constructor(
    config: Configuration,
    private readonly shared: LocalEventManager,
  ) {
    super(config);
  }

  override async init(): Promise<void> {
    if (this.isInitialized()) return;
    await super.init();
    this.shared.on(SYSTEM_INFO, this.relay);
  }

  override async close(): Promise<void> {
    this.shared.off(SYSTEM_INFO, this.relay);
    await super.close();
  }
}

export async function freshCrawleeConfig(): Promise<Configuration> {
  quietCrawlee();
  shrinkCrawleeDedupCache();
  const config = new Configuration({
    persistStorage: false,
    purgeOnStart: false,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    systemInfoV2: true,
  });
  config.useEventManager(new JobEventManager(config, await processEvents()));
  return config;
}
