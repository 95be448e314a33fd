// Long-running commands: run until SIGINT/SIGTERM, then stop their parts and close the runtime.
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { onShutdown } from './shutdown.js';

export async function runUntilSignal(rt: Runtime, stop: () => Promise<void>): Promise<void> {
  await onShutdown(rt.log, async () => {
    await stop();
    await rt.close();
  });
}
