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
import type { Job } from 'bullmq';
import type { AlertJobData } from '../../base/queues.js';
import { luaCommand } from '../../base/redis/lua-script.js';
import { renderAlert, renderDigest, type AlertItem } from './alert-content.js';
import { deliverSpike, deliverThreadUpdate } from './deliver-grouped.js';
import { CLAIM_BATCH, logSent, SENT_TTL_SECONDS, waitForRate, type AlertDeps } from './delivery-steps.js';

export type { AlertDeps };

export type AlertOutcome =
  | { outcome: 'sent'; channel: string; key: string; stories: number }
  | { outcome: 'already-sent'; key: string }
  | { outcome: 'empty-digest'; key: string }
  /** A thread's update found nothing left to say (an earlier update took its stories). */
  | { outcome: 'empty-update'; key: string };

async function otherOutlets(deps: AlertDeps, storyId: string): Promise<{ outlet: string; url: string }[]> {
  return (await readStoryCarriers(deps.redis, deps.keys, storyId))
    .map(({ outlet, url }) => ({ outlet, url }))
    .sort((a, b) => a.outlet.localeCompare(b.outlet) || a.url.localeCompare(b.url));
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
  if (data.kind === 'thread-update') return deliverThreadUpdate(job, token, deps, data, channel);
  if (data.kind === 'spike') return deliverSpike(job, token, deps, data, channel);

  if (data.kind === 'instant') {
    await waitForRate(deps, job, token, data.channel);
    const item: AlertItem = { ...data.item, otherOutlets: await otherOutlets(deps, data.item.story.storyId) };
    await channel.send(renderAlert(item), key);
    logSent(deps, {
      key,
      channel: data.channel,
      kind: 'instant',
      story_ids: [item.story.storyId],
      rule: item.rule,
      ...(item.threadId ? { thread: { id: item.threadId, title: item.story.title, url: item.story.url } } : {}),
    });
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
  logSent(deps, {
    key,
    channel: data.channel,
    kind: 'digest',
    story_ids: items.map((i) => i.story.storyId),
    rule: data.rule,
  });
  await deps.redis.multi().set(sentKey, new Date().toISOString(), 'EX', SENT_TTL_SECONDS).del(batchKey).exec();
  return { outcome: 'sent', channel: data.channel, key, stories: items.length };
}
