// Graceful shutdown on SIGINT/SIGTERM: stop taking jobs, let in-flight ones finish (BullMQ's
// worker.close waits for them), close connections, stop an embedded Redis last. A second signal
// exits at once: in-flight jobs are then picked up again by another worker after the stall check.
import type { Logger } from '../../src/logger.js';

export function onShutdown(log: Logger, close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    let closing = false;
    const handler = (signal: NodeJS.Signals): void => {
      if (closing) {
        log.warn({ signal }, 'second signal: exiting now');
        process.exit(130);
      }
      closing = true;
      log.info({ signal }, 'shutting down: finishing in-flight jobs');
      close()
        .catch((err: unknown) => log.error({ err: String(err) }, 'error during shutdown'))
        .finally(() => resolve());
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  });
}
