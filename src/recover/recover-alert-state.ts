// `tinwatch recover`, the alerting part: the keys that decide what per-thread and spike rules send
// come back from the output folder, so a Redis that lost its data never sends an alert twice.
// - each story's and copy's thread root (keys.threadRoot): its root in the manifest's thread
//   index (src/thread), the model the thread page and the briefing read;
// - the rules' recent matches (keys.ruleHits, keys.hitInfo): matched_rules of the article lines,
//   and the copies of those stories, over the spike window's reach (8 days);
// - the per-thread marks (keys.threadAlerted): alerts.jsonl's lines that name a thread;
// - each rule's spike under way (keys.spikeActive): its last spike line in alerts.jsonl, taken
//   as still under way: the next match finds out whether it cooled down, and no spike repeats.
import type { Redis } from 'ioredis';
import type { AlertLogLine } from '../alert/alert-log.js';
import { BASELINE_MS } from '../alert/spike-check.js';
import { HIT_INFO_SECONDS, matchTime, type SpikeHit } from '../alert/spike-watch.js';
import { loadThreadIndex } from '../thread/load-thread-index.js';
import { joiningLink } from '../thread/thread-rule.js';
import type { Keys } from '../../base/redis/keys.js';
import { manifestLines } from '../write/article-files.js';
import { parseManifestLine, type ManifestEntryRead } from '../write/manifest-entry.js';

/** How far back matches still count: the longest window plus the 7-day baseline. */
const HITS_REACH_MS = BASELINE_MS + 72 * 3600_000;
const MARK_SECONDS = 30 * 24 * 3600;
const SPIKE_SECONDS = 8 * 24 * 3600;

export interface AlertStateReport {
  threadRoots: number;
  ruleHits: number;
  threadMarks: number;
  spikeMarks: number;
}

function spikeHit(e: ManifestEntryRead, at: number, thread: string): SpikeHit {
  return {
    storyId: e.id,
    title: e.title ?? '',
    outlet: e.outlet ?? '',
    url: e.url ?? '',
    at: new Date(at).toISOString(),
    thread,
  };
}

export async function rebuildAlertState(
  redis: Redis,
  keys: Keys,
  outDir: string,
  alertLines: readonly AlertLogLine[],
  now: number,
): Promise<AlertStateReport> {
  const r: AlertStateReport = { threadRoots: 0, ruleHits: 0, threadMarks: 0, spikeMarks: 0 };
  // One pass first: a later line may merge threads and so change an earlier story's root.
  const threads = await loadThreadIndex(outDir);
  const rulesOf = new Map<string, string[]>();
  let p = redis.pipeline();
  const flush = async (force = false): Promise<void> => {
    if (p.length >= 1000 || (force && p.length > 0)) {
      await p.exec();
      p = redis.pipeline();
    }
  };
  for await (const line of manifestLines(outDir)) {
    const read = line.trim() ? parseManifestLine(line) : null;
    if (!read?.ok) continue;
    const e = read.entry;
    if (e.type === 'tombstone') continue;
    const target = e.type === 'duplicate' ? (e.duplicate_of?.id ?? null) : (joiningLink(e.related)?.id ?? null);
    const root = threads.rootOf(e.id) ?? e.id;
    p.hset(keys.threadRoot, e.id, root);
    r.threadRoots++;
    await flush();
    const rules = e.type === 'article' ? (e.matched_rules ?? []) : target ? (rulesOf.get(target) ?? []) : [];
    if (e.type === 'article' && rules.length) rulesOf.set(e.id, rules);
    const at = matchTime(e.published_at, e.fetched_at ?? new Date(now).toISOString(), now);
    if (rules.length === 0 || at <= now - HITS_REACH_MS) continue;
    for (const rule of rules) {
      p.zadd(keys.ruleHits(rule), at, e.id).pexpire(keys.ruleHits(rule), HITS_REACH_MS + 86_400_000);
      r.ruleHits++;
    }
    p.set(keys.hitInfo(e.id), JSON.stringify(spikeHit(e, at, root)), 'EX', HIT_INFO_SECONDS);
    await flush();
  }
  // The first alert of a thread names it; an update's line stands in when that line is gone.
  const ordered = [...alertLines].sort((a, b) => Number(b.kind === 'instant') - Number(a.kind === 'instant'));
  const marked = new Set<string>();
  for (const a of ordered) {
    if (!a.thread || !a.rule) continue;
    const key = keys.threadAlerted(a.rule, a.channel, a.thread.id);
    if (marked.has(key)) continue;
    marked.add(key);
    const first = a.kind === 'instant' ? (a.story_ids[0] ?? a.thread.id) : a.thread.id;
    const mark = JSON.stringify({ id: first, title: a.thread.title, url: a.thread.url });
    p.set(key, mark, 'EX', MARK_SECONDS, 'NX');
    r.threadMarks++;
    await flush();
  }
  const lastSpike = new Map<string, AlertLogLine>();
  for (const a of alertLines)
    if (a.kind === 'spike' && a.rule && a.spike_id && (lastSpike.get(a.rule)?.sent_at ?? '') < a.sent_at)
      lastSpike.set(a.rule, a);
  for (const [rule, a] of lastSpike) {
    if (Date.parse(a.sent_at) <= now - SPIKE_SECONDS * 1000) continue;
    p.set(keys.spikeActive(rule), JSON.stringify({ id: a.spike_id, at: a.sent_at }), 'EX', SPIKE_SECONDS, 'NX');
    r.spikeMarks++;
  }
  await flush(true);
  return r;
}
