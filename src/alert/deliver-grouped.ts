// Delivery of the alerts that speak for many stories at once: a thread's update (the later
// stories of a thread a per-thread rule already alerted on, claimed as one batch) and a spike
// alert (its facts fixed when it fired). Both at most once, as deliver-alert.ts does.
import type { Job } from 'bullmq';
import type { AlertJobData } from '../../base/queues.js';
import type { Channel } from './channels/channel.js';
import { luaCommand } from '../../base/redis/lua-script.js';
import { CLAIM_BATCH, logSent, SENT_TTL_SECONDS, waitForRate, type AlertDeps } from './delivery-steps.js';
import { renderSpike, renderThreadUpdate, type ThreadUpdateEntry } from './grouped-content.js';

type Outcome =
  { outcome: 'sent'; channel: string; key: string; stories: number } | { outcome: 'empty-update'; key: string };

export async function deliverThreadUpdate(
  job: Job,
  token: string | undefined,
  deps: AlertDeps,
  data: Extract<AlertJobData, { kind: 'thread-update' }>,
  channel: Channel,
): Promise<Outcome> {
  const key = job.id!;
  const batchKey = deps.keys.digestBatch(key);
  const pending = deps.keys.threadPending(data.rule, data.channel, data.thread.id);
  if (Number(await luaCommand(deps.redis, CLAIM_BATCH)(pending, batchKey)) === 0)
    return { outcome: 'empty-update', key };
  const entries = Object.values(await deps.redis.hgetall(batchKey))
    .map((json) => JSON.parse(json) as ThreadUpdateEntry)
    .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.storyId.localeCompare(b.storyId));
  await waitForRate(deps, job, token, data.channel);
  await channel.send(renderThreadUpdate(data.rule, data.thread, entries), key);
  logSent(deps, {
    key,
    channel: data.channel,
    kind: 'thread-update',
    story_ids: entries.map((e) => e.storyId),
    rule: data.rule,
    thread: data.thread,
  });
  await deps.redis
    .multi()
    .set(deps.keys.alertSent(key), new Date().toISOString(), 'EX', SENT_TTL_SECONDS)
    .del(batchKey)
    .exec();
  return { outcome: 'sent', channel: data.channel, key, stories: entries.length };
}

export async function deliverSpike(
  job: Job,
  token: string | undefined,
  deps: AlertDeps,
  data: Extract<AlertJobData, { kind: 'spike' }>,
  channel: Channel,
): Promise<Outcome> {
  const key = job.id!;
  await waitForRate(deps, job, token, data.channel);
  await channel.send(renderSpike(data.rule, data.spike), key);
  logSent(deps, {
    key,
    channel: data.channel,
    kind: 'spike',
    story_ids: data.spike.threads.map((t) => t.id),
    rule: data.rule,
    spike_id: data.spike.id,
  });
  await deps.redis.set(deps.keys.alertSent(key), new Date().toISOString(), 'EX', SENT_TTL_SECONDS);
  return { outcome: 'sent', channel: data.channel, key, stories: data.spike.count };
}
