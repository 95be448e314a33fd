// The steps every kind of alert delivery shares: the channel's rate limit, the durable line in
// alerts.jsonl written before Redis's "sent" mark, and the atomic claim of a batch of pending
// stories (a digest, a thread's update) into a key named after the job, so a retry resends the
// same batch and stories arriving meanwhile wait for the next one.
import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../base/logger.js';
import type { Keys } from '../../base/redis/keys.js';
import { defineLuaScript } from '../../base/redis/lua-script.js';
import { appendAlertLog, type AlertLogLine } from './alert-log.js';
import type { Channel } from './channels/channel.js';

export interface AlertDeps {
  redis: Redis;
  keys: Keys;
  log: Logger;
  channel(name: string): Channel;
  ratePerMinute(name: string): number;
  now?: () => number;
  /** The output folder: each delivery gets its line in alerts.jsonl (alert-log.ts); absent = none. */
  outDir?: string;
}

export const SENT_TTL_SECONDS = 180 * 24 * 3600;

type ClaimBatchFn = (pendingKey: string, batchKey: string) => Promise<number>;

/** Moves a digest's or thread update's pending stories into the job's batch (lua/claim-digest-batch.lua). */
export const CLAIM_BATCH = defineLuaScript<ClaimBatchFn>({
  name: 'tinwatchClaimDigestBatch',
  files: [new URL('./lua/claim-digest-batch.lua', import.meta.url)],
  numberOfKeys: 2,
});

export async function waitForRate(
  deps: AlertDeps,
  job: Job,
  token: string | undefined,
  channel: string,
): Promise<void> {
  const now = (deps.now ?? Date.now)();
  const window = Math.floor(now / 60_000);
  const key = deps.keys.channelRate(channel, window);
  const [[, count]] = (await deps.redis.multi().incr(key).expire(key, 120).exec()) as [[null, number], [null, number]];
  if (count <= deps.ratePerMinute(channel)) return;
  const next = (window + 1) * 60_000 + Math.floor(Math.random() * 1_000);
  deps.log.info(
    { channel, jobId: job.id, until: new Date(next).toISOString() },
    'channel rate limit reached: alert delayed',
  );
  await job.moveToDelayed(next, token);
  throw new DelayedError();
}

/** The durable record of a delivery, written before Redis's mark (which a data loss can take). */
export function logSent(deps: AlertDeps, line: Omit<AlertLogLine, 'sent_at'>): void {
  if (!deps.outDir) return;
  try {
    appendAlertLog(deps.outDir, { ...line, sent_at: new Date().toISOString() });
  } catch (err) {
    // The alert is out: failing the job now would send it again. Redis's mark still stops that.
    deps.log.error(
      { key: line.key, err: (err as Error).message },
      'alert sent but its line in alerts.jsonl was not written',
    );
  }
}
