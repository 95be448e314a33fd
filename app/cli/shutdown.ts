// Graceful shutdown on SIGINT/SIGTERM: stop taking jobs, let in-flight ones finish (BullMQ's
// worker.close waits for them), close connections, stop an embedded Redis last. A second signal
// exits at once: in-flight jobs are then picked up again by another worker after the stall check.
import type { Logger } from '../../base/logger.js';

/**
 * How long the graceful part may take. A supervisor (systemd, Docker, `kill` through npm) waits
 * a few seconds before SIGKILL; past this, the process exits and in-flight jobs are picked up by
 * another worker after the stall check, exactly as after a second signal.
 */
export const SHUTDOWN_GRACE_MS = 4_000;

export function onShutdown(
  log: Logger,
  close: () => Promise<void>,
  graceMs: number = SHUTDOWN_GRACE_MS,
): Promise<void> {
  return new Promise((resolve) => {
    let closing = false;
    const handler = (signal: NodeJS.Signals): void => {
      if (closing) {
        log.warn({ signal }, 'second signal: exiting now');
        process.exit(130);
      }
      closing = true;
      log.info({ signal }, 'shutting down: finishing in-flight jobs');
      setTimeout(() => {
        log.warn(
          { signal, graceMs },
          'jobs still in flight after the grace period: exiting; another worker resumes them after the stall check',
        );
        process.exit(0);
      }, graceMs).unref();
      close()
        .catch((err: unknown) => log.error({ err: String(err) }, 'error during shutdown'))
        .finally(() => resolve());
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  });
}
