// Housekeeping the scheduler process runs: giving back dedupe index memory past the retention,
// and deleting article texts and WARC files past theirs. A Redis lock per task makes each run
// once a day per deployment however many schedulers run.
import { pruneStorage } from '../src/archive/storage.js';
import { pruneExpired } from '../src/dedupe/dedupe-index.js';
import type { Redis } from 'ioredis';
import type { Keys } from '../base/redis/keys.js';
import type { Logger } from '../base/logger.js';
import type { Env } from '../config/env.js';

/** What the daily maintenance uses. */
export interface MaintenanceDeps {
  redis: Redis;
  keys: Keys;
  log: Logger;
  env: Env;
  outDir: string;
}

const DAY_SECONDS = 24 * 3600;
const CHECK_EVERY_MS = 3600_000;

/** Takes the day's lock of one task; false when another scheduler already ran it today. */
async function claimToday(rt: MaintenanceDeps, task: string): Promise<boolean> {
  const key = `${rt.keys.prefix}:maintenance:${task}`;
  return (await rt.redis.set(key, new Date().toISOString(), 'EX', DAY_SECONDS, 'NX')) === 'OK';
}

export async function pruneDedupeIfDue(rt: MaintenanceDeps): Promise<boolean> {
  if (!(await claimToday(rt, 'dedupe-prune'))) return false;
  const r = await pruneExpired(rt.redis, rt.keys);
  rt.log.info(r, 'dedupe index: expired entries pruned');
  return true;
}

/** Deletes texts and WARC files past their retention, once a day; nothing when both keep for ever. */
export async function pruneStorageIfDue(rt: MaintenanceDeps): Promise<boolean> {
  const retention = { textDays: rt.env.TINWATCH_TEXT_RETENTION_DAYS, warcDays: rt.env.TINWATCH_WARC_RETENTION_DAYS };
  if (retention.textDays === 0 && retention.warcDays === 0) return false;
  if (!(await claimToday(rt, 'storage-prune'))) return false;
  const r = await pruneStorage(rt.outDir, retention);
  rt.log.info({ ...r, ...retention }, 'output past retention deleted');
  return true;
}

/** Starts the hourly check; returns the function that stops it. */
export function startMaintenance(rt: MaintenanceDeps): () => void {
  const run = (): void => {
    void pruneDedupeIfDue(rt).catch((e: unknown) => rt.log.error({ err: String(e) }, 'dedupe prune failed'));
    void pruneStorageIfDue(rt).catch((e: unknown) => rt.log.error({ err: String(e) }, 'storage prune failed'));
  };
  run();
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
