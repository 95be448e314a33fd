// Housekeeping the scheduler process runs: today, giving back dedupe index memory past the
// retention. A Redis lock makes it once a day per deployment however many schedulers run.
import type { Runtime } from '../src/app/runtime.js';
import { pruneExpired } from '../src/dedupe/dedupe-index.js';

const DAY_SECONDS = 24 * 3600;
const CHECK_EVERY_MS = 3600_000;

export async function pruneDedupeIfDue(rt: Runtime): Promise<boolean> {
  const got = await rt.redis.set(
    `${rt.keys.prefix}:maintenance:dedupe-prune`,
    new Date().toISOString(),
    'EX',
    DAY_SECONDS,
    'NX',
  );
  if (got !== 'OK') return false;
  const r = await pruneExpired(rt.redis, rt.keys);
  rt.log.info(r, 'dedupe index: expired entries pruned');
  return true;
}

/** Starts the hourly check; returns the function that stops it. */
export function startMaintenance(rt: Runtime): () => void {
  const run = (): void =>
    void pruneDedupeIfDue(rt).catch((e: unknown) => rt.log.error({ err: String(e) }, 'dedupe prune failed'));
  run();
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
