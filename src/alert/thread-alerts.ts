// Alerting once per thread: the first story of a thread to match a per-thread rule is alerted as
// usual; every later story of that thread (a follow-up, a same-event report, a copy at another
// outlet) waits in the thread's pending hash, and one delayed job per round sends them as one
// "N more outlets / follow-ups" update. Each decision is keyed so a retried article job makes the
// same one: the thread's mark holds the first story's id, the round's "due" mark the id of the
// job the round queued. `recover` sets the thread marks again from alerts.jsonl.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RuleConfig } from '../../config/watchlist-schema.js';
import { addJob } from '../../base/job-table.js';
import { jobId, type AlertJobData } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import type { ThreadRef, ThreadUpdateEntry } from './grouped-content.js';

/** A thread's mark lasts as long as a thread plausibly grows. */
const THREAD_MARK_SECONDS = 30 * 24 * 3600;

export interface ThreadAlertDeps {
  redis: Redis;
  keys: Keys;
  alertQueue: Queue;
}

/**
 * Claims the thread for this story on (rule, channel): `first` when this story is the thread's
 * first alert (or a retry of the job that was); otherwise the story the thread was alerted on.
 */
export async function claimThreadAlert(
  deps: ThreadAlertDeps,
  rule: string,
  channel: string,
  root: string,
  me: ThreadRef,
): Promise<{ first: boolean; thread: ThreadRef }> {
  const key = deps.keys.threadAlerted(rule, channel, root);
  const mark = JSON.stringify({ id: me.id, title: me.title, url: me.url });
  const [[, set], [, held]] = (await deps.redis
    .multi()
    .set(key, mark, 'EX', THREAD_MARK_SECONDS, 'NX')
    .get(key)
    .exec()) as [[null, string | null], [null, string]];
  const thread = JSON.parse(held) as ThreadRef;
  return { first: set === 'OK' || thread.id === me.id, thread };
}

/** The thread as its first alert named it, when a per-thread rule alerted on it. */
export async function alertedThread(
  deps: ThreadAlertDeps,
  rule: string,
  channel: string,
  root: string,
): Promise<ThreadRef | null> {
  const held = await deps.redis.get(deps.keys.threadAlerted(rule, channel, root));
  return held ? (JSON.parse(held) as ThreadRef) : null;
}

/** Puts a later story of the thread in its next update, queueing that update if none is due. */
export async function addToThreadUpdate(
  deps: ThreadAlertDeps,
  rule: RuleConfig,
  channel: string,
  root: string,
  thread: ThreadRef,
  entry: ThreadUpdateEntry,
): Promise<void> {
  const delayMs = (rule.perThread?.updateAfterMinutes ?? 60) * 60_000;
  await deps.redis.hset(deps.keys.threadPending(rule.name, channel, root), entry.storyId, JSON.stringify(entry));
  const due = deps.keys.threadUpdateDue(rule.name, channel, root);
  const id = jobId.threadUpdate(root, rule.name, channel, entry.storyId);
  // The mark lapses when the update is due: a story arriving later starts the next round. A story
  // that arrives before the job claims the batch rides along with it.
  const set = await deps.redis.set(due, id, 'PX', delayMs, 'NX');
  if (set !== 'OK' && (await deps.redis.get(due)) !== id) return;
  const data: AlertJobData = {
    kind: 'thread-update',
    channel,
    rule: rule.name,
    ruleDescription: rule.description ?? null,
    thread: { id: root, title: thread.title, url: thread.url },
  };
  await addJob(deps.alertQueue, 'alert', data, { jobId: id, delay: delayMs });
}

/** A copy at another outlet: one more outlet in the update of every per-thread rule that alerted on its thread. */
export async function copyJoinsThreads(
  deps: ThreadAlertDeps,
  rules: readonly RuleConfig[],
  root: string,
  entry: ThreadUpdateEntry,
): Promise<number> {
  let added = 0;
  for (const rule of rules) {
    if (!rule.perThread) continue;
    for (const channel of rule.channels) {
      const thread = await alertedThread(deps, rule.name, channel, root);
      if (!thread) continue;
      await addToThreadUpdate(deps, rule, channel, root, thread, entry);
      added++;
    }
  }
  return added;
}
