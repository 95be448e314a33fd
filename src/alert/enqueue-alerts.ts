// From rule matches on a written story to alert work: an instant rule queues one job per
// channel with a deterministic id (so a retried article job or a re-crawl cannot queue it twice);
// a digest rule parks the story in the digest's pending hash, keyed by story id (idempotent).
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { execChecked } from '../../base/redis/exec-checked.js';
import type { Keys } from '../../base/redis/keys.js';
import { jobToAdd } from '../../base/job-table.js';
import { jobId } from '../../base/queues.js';
import type { MatchableArticle, RuleMatch } from '../match/matchable.js';
import { quotedSentence } from '../match/match-sentence.js';
import type { AlertItem, AlertStory, UpdateOf } from './alert-content.js';
import { rulesFiredOn } from './earlier-alerts.js';
import type { ThreadUpdateEntry } from './grouped-content.js';
import { addToThreadUpdate, claimThreadAlert } from './thread-alerts.js';

/** The thread a written story belongs to (thread-root.ts) and how it joined it. */
export interface StoryThreadPlace {
  root: string;
  role: ThreadUpdateEntry['role'];
}

export function alertItemFor(story: AlertStory, article: MatchableArticle, m: RuleMatch): AlertItem {
  const match = quotedSentence(article, m.spans) ?? {
    field: 'title' as const,
    sentence: article.title,
    ranges: [],
    phrases: [],
  };
  return { rule: m.rule.name, ruleDescription: m.rule.description ?? null, story, match, otherOutlets: [] };
}

/**
 * `updateOf`: the earlier story this one follows up. A rule that fired on it fires again, its
 * alert marked as an update of that story (earlier-alerts.ts reads whether it fired).
 * A per-thread rule alerts on a thread's first story only; its later stories go to the thread's
 * update (thread-alerts.ts). Spike rules alert per spike (spike-watch.ts), not here.
 */
export async function enqueueAlerts(
  deps: { redis: Redis; keys: Keys; alertQueue: Queue },
  story: AlertStory,
  article: MatchableArticle,
  matches: readonly RuleMatch[],
  updateOf: UpdateOf | null = null,
  thread: StoryThreadPlace | null = null,
): Promise<string[]> {
  matches = matches.filter((m) => !m.rule.spike);
  const fired = updateOf ? await rulesFiredOn(deps.redis, deps.keys, updateOf.storyId, matches) : new Set<string>();
  const root = thread?.root ?? story.storyId;
  // One addBulk for the instant jobs and one pipeline for the digest entries, however many rules
  // and channels matched: each was a round trip of its own.
  const instant: ReturnType<typeof jobToAdd<'alert'>>[] = [];
  const ids: string[] = [];
  const digest = deps.redis.pipeline();
  for (const m of matches) {
    const item: AlertItem = {
      ...alertItemFor(story, article, m),
      updateOf: fired.has(m.rule.name) ? updateOf : null,
    };
    for (const channel of m.rule.channels) {
      if (m.rule.digest) {
        digest.hset(deps.keys.digestPending(m.rule.name, channel), story.storyId, JSON.stringify(item));
        continue;
      }
      if (m.rule.perThread) {
        const me = { id: story.storyId, title: story.title, url: story.url };
        const claim = await claimThreadAlert(deps, m.rule.name, channel, root, me);
        if (!claim.first) {
          await addToThreadUpdate(deps, m.rule, channel, root, claim.thread, {
            storyId: story.storyId,
            title: story.title,
            outlet: story.outlet,
            url: story.url,
            publishedAt: story.publishedAt,
            role: thread?.role ?? 'story',
          });
          continue;
        }
        item.threadId = root;
      }
      const id = jobId.alert(story.storyId, m.rule.name, channel);
      ids.push(id);
      instant.push(jobToAdd('alert', { kind: 'instant', channel, item }, { jobId: id }));
    }
  }
  // Both are idempotent (same hash field, same job ids) and independent of each other: sent
  // together they leave in one socket write (coalesce-writes.ts) and cost one round trip.
  await Promise.all([
    digest.length > 0 ? execChecked(digest, 'digest entries') : undefined,
    instant.length > 0 ? deps.alertQueue.addBulk(instant) : undefined,
  ]);
  return ids;
}
