// The alert job: deliver one alert (or one digest) on one channel, at most once.
// - A "sent" marker per alert is checked before and set right after delivery, so a job retried
//   after a delivery that succeeded (worker died before completing the job) does not send again.
//   The only window left is between the receiver's 2xx and the marker write; webhook receivers
//   get an idempotency key header to close it on their side.
// - Rate limit per channel: a fixed one-minute window counter in Redis; an alert over the limit
//   is moved back to delayed until the next window (nothing dropped, nothing sent early).
// - A digest claims the pending stories atomically into a batch named after its job, so a retry
//   resends the same batch and stories arriving meanwhile wait for the next digest.
import { readStoryCarriers } from '../dedupe/story-carriers.js';
import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../base/logger.js';
import type { AlertJobData } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import { defineLuaScript, luaCommand } from '../../base/redis/lua-script.js';
import { renderAlert, renderDigest, type AlertItem } from './alert-content.js';
import { appendAlertLog } from './alert-log.js';
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

export type AlertOutcome =
  | { outcome: 'sent'; channel: string; key: string; stories: number }
  | { outcome: 'already-sent'; key: string }
  | { outcome: 'empty-digest'; key: string };

const SENT_TTL_SECONDS = 180 * 24 * 3600;

type ClaimBatchFn = (pendingKey: string, batchKey: string) => Promise<number>;

const CLAIM_BATCH = defineLuaScript<ClaimBatchFn>({
  name: 'tinwatchClaimDigestBatch',
  files: [new URL('./lua/claim-digest-batch.lua', import.meta.url)],
  numberOfKeys: 2,
});

async function waitForRate(deps: AlertDeps, job: Job, token: string | undefined, channel: string): Promise<void> {
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

async function otherOutlets(deps: AlertDeps, storyId: string): Promise<{ outlet: string; url: string }[]> {
  return (await readStoryCarriers(deps.redis, deps.keys, storyId))
    .map(({ outlet, url }) => ({ outlet, url }))
    .sort((a, b) => a.outlet.localeCompare(b.outlet) || a.url.localeCompare(b.url));
}

/** The durable record of a delivery, written before Redis's mark (which a data loss can take). */
function logSent(
  deps: AlertDeps,
  key: string,
  channel: string,
  kind: 'instant' | 'digest',
  storyIds: string[],
  rule?: string,
): void {
  if (!deps.outDir) return;
  try {
    const sentAt = new Date().toISOString();
    appendAlertLog(deps.outDir, {
      key,
      channel,
      kind,
      ...(rule ? { rule } : {}),
      story_ids: storyIds,
      sent_at: sentAt,
    });
  } catch (err) {
    // The alert is out: failing the job now would send it again. Redis's mark still stops that.
    deps.log.error({ key, err: (err as Error).message }, 'alert sent but its line in alerts.jsonl was not written');
  }
}

export async function deliverAlert(
  job: Job<AlertJobData>,
  token: string | undefined,
  deps: AlertDeps,
): Promise<AlertOutcome> {
  const data = job.data;
  const key = job.id!;
  const sentKey = deps.keys.alertSent(key);
  if (await deps.redis.exists(sentKey)) return { outcome: 'already-sent', key };
  const channel = deps.channel(data.channel);

  if (data.kind === 'instant') {
    await waitForRate(deps, job, token, data.channel);
    const item: AlertItem = { ...data.item, otherOutlets: await otherOutlets(deps, data.item.story.storyId) };
    await channel.send(renderAlert(item), key);
    logSent(deps, key, data.channel, 'instant', [item.story.storyId]);
    await deps.redis.set(sentKey, new Date().toISOString(), 'EX', SENT_TTL_SECONDS);
    return { outcome: 'sent', channel: data.channel, key, stories: 1 };
  }

  const batchKey = deps.keys.digestBatch(key);
  const claimed = await luaCommand(deps.redis, CLAIM_BATCH)(deps.keys.digestPending(data.rule, data.channel), batchKey);
  if (Number(claimed) === 0) return { outcome: 'empty-digest', key };
  const raw = await deps.redis.hgetall(batchKey);
  const items: AlertItem[] = [];
  for (const json of Object.values(raw)) {
    const item = JSON.parse(json) as AlertItem;
    items.push({ ...item, otherOutlets: await otherOutlets(deps, item.story.storyId) });
  }
  items.sort(
    (a, b) =>
      (a.story.publishedAt ?? '').localeCompare(b.story.publishedAt ?? '') ||
      a.story.storyId.localeCompare(b.story.storyId),
  );
  await waitForRate(deps, job, token, data.channel);
  await channel.send(renderDigest(data.rule, items), key);
  logSent(
    deps,
    key,
    data.channel,
    'digest',
    items.map((i) => i.story.storyId),
    data.rule,
  );
  await deps.redis.multi().set(sentKey, new Date().toISOString(), 'EX', SENT_TTL_SECONDS).del(batchKey).exec();
  return { outcome: 'sent', channel: data.channel, key, stories: items.length };
}
