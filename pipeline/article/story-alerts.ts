// The alert side of a story, shared by a new story and a copy: the watch rules it matches (a rule
// scoped to a topic profile only when that profile took the story), its place in a thread, and
// the spike rules' count. Every step is idempotent, run before the manifest line that ends the job.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ThreadUpdateEntry } from '../../src/alert/grouped-content.js';
import { matchTime, watchSpikes } from '../../src/alert/spike-watch.js';
import { recordThreadRoot } from '../../src/alert/thread-root.js';
import { joiningLink } from '../../src/thread/thread-rule.js';
import type { RelatedStory } from '../../src/dedupe/dedupe-index.js';
import type { MatchableArticle, RuleMatch } from '../../src/match/matchable.js';
import type { RuleMatcher } from '../../src/match/rule-matcher.js';
import type { Keys } from '../../base/redis/keys.js';
import type { TopicsResult } from '../../src/relevance/classify-topics.js';

export interface StoryAlertDeps {
  redis: Redis;
  keys: Keys;
  alerts?: { matcher: RuleMatcher; alertQueue: Queue };
}

export function matchRules(deps: StoryAlertDeps, article: MatchableArticle, topics: TopicsResult | null): RuleMatch[] {
  return (deps.alerts?.matcher.match(article) ?? []).filter(
    (m) => !m.rule.profile || topics === null || topics.matched.has(m.rule.profile),
  );
}

/** A new story's thread: its follow-up or same-event link's thread, else its own. */
export async function placeInThread(
  deps: StoryAlertDeps,
  storyId: string,
  related: RelatedStory | null,
): Promise<{ root: string; role: ThreadUpdateEntry['role'] }> {
  const link = joiningLink(related ? [{ id: related.story.storyId, kind: related.kind }] : null);
  const root = await recordThreadRoot(deps.redis, deps.keys, storyId, link?.id ?? null);
  const role = link?.kind === 'follow-up' ? 'follow-up' : link?.kind === 'same-event' ? 'same-event' : 'story';
  return { root, role };
}

/** A copy's thread: its original's. */
export function placeCopyInThread(deps: StoryAlertDeps, copyId: string, original: string): Promise<string> {
  return recordThreadRoot(deps.redis, deps.keys, copyId, original);
}

export interface MatchedStory {
  storyId: string;
  title: string;
  outlet: string;
  url: string;
  publishedAt: string | null;
  fetchedAt: string;
  thread: string;
}

/** Counts the story for the spike rules it matched; returns the spike alerts queued. */
export async function countForSpikes(
  deps: StoryAlertDeps,
  matches: readonly RuleMatch[],
  s: MatchedStory,
): Promise<string[]> {
  if (!deps.alerts || !matches.some((m) => m.rule.spike)) return [];
  const at = matchTime(s.publishedAt, s.fetchedAt, Date.now());
  return watchSpikes(
    { redis: deps.redis, keys: deps.keys, alertQueue: deps.alerts.alertQueue },
    matches.map((m) => m.rule),
    {
      storyId: s.storyId,
      title: s.title,
      outlet: s.outlet,
      url: s.url,
      at: new Date(at).toISOString(),
      thread: s.thread,
    },
  );
}
