// `tinwatch recover`, the alerts still owed: Redis lost the digests' pending entries and the
// queued instant alert jobs with everything else. What was owed is what the folder says matched
// (the manifest's `matched_rules`) minus what alerts.jsonl says went out; it is owed again, once:
// - a digest rule's story goes back into its pending hash (HSETNX: an entry still there is kept),
//   unless a digest line on that channel carried it or a digest batch still holds it;
// - an instant alert is queued again under its deterministic job id, unless its line is there.
// Only stories written within `windowDays`: an alert owed longer than that failed for good long
// ago, and sending it now would be noise, not news.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RuleConfig, Watchlist } from '../../config/watchlist-schema.js';
import type { AlertLogLine } from '../alert/alert-log.js';
import { alertItemFor } from '../alert/enqueue-alerts.js';
import type { AlertItem, UpdateOf } from '../alert/alert-content.js';
import { textBlocksOfFile, titleOfFile } from '../dedupe/rebuild-index.js';
import type { MatchableArticle } from '../match/matchable.js';
import type { RuleMatcher } from '../match/rule-matcher.js';
import { jobToAdd } from '../../base/job-table.js';
import { jobId } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import type { ManifestEntryRead } from '../write/manifest-entry.js';

/** What recover keeps of a written story whose line names matched rules. */
export interface OwedStory {
  id: string;
  title: string;
  outlet: string;
  url: string;
  publishedAt: string | null;
  file: string;
  credit: string | null;
  matchedRules: string[];
  /** The earlier story it follows up (manifest `related`, kind follow-up), if any. */
  followUpOf: string | null;
}

export interface AlertRecoverDeps {
  watchlist: Watchlist;
  matcher: RuleMatcher;
  alertQueue: Queue;
}

export interface AlertRecoverReport {
  digestEntries: number;
  instantQueued: number;
  /** Stories whose text file is gone: their alerts quote the title. */
  missingTexts: number;
}

const SEP = '\u0000';

/** The (rule, channel) a digest line belongs to: its `rule`, or its scheduler's job id. */
function digestOf(line: Pick<AlertLogLine, 'key' | 'channel' | 'rule'>, rules: readonly RuleConfig[]): string | null {
  if (line.rule) return `${line.rule}${SEP}${line.channel}`;
  for (const r of rules)
    if (line.key.startsWith(`repeat:${jobId.digestScheduler(r.name, line.channel)}:`))
      return `${r.name}${SEP}${line.channel}`;
  return null;
}

/** Every (rule, channel, story) a digest carried or a digest batch still holds. */
async function digestsDone(
  redis: Redis,
  keys: Keys,
  lines: readonly AlertLogLine[],
  rules: readonly RuleConfig[],
): Promise<Set<string>> {
  const done = new Set<string>();
  for (const l of lines) {
    if (l.kind !== 'digest') continue;
    const d = digestOf(l, rules);
    if (d) for (const id of l.story_ids) done.add(`${d}${SEP}${id}`);
  }
  // A batch a digest job claimed and has not sent yet (recover --force on a live Redis).
  const batchPrefix = keys.digestBatch('');
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${batchPrefix}*`, 'COUNT', 500);
    cursor = next;
    for (const key of found) {
      const job = key.slice(batchPrefix.length);
      for (const r of rules)
        for (const c of r.channels)
          if (job.startsWith(`repeat:${jobId.digestScheduler(r.name, c)}:`))
            for (const id of await redis.hkeys(key)) done.add(`${r.name}${SEP}${c}${SEP}${id}`);
    }
  } while (cursor !== '0');
  return done;
}

async function matchableOf(outDir: string, s: OwedStory): Promise<MatchableArticle | null> {
  try {
    const text = await readFile(path.join(outDir, s.file), 'utf8');
    const [lead, ...body] = textBlocksOfFile(text, s.credit);
    return { title: titleOfFile(text), lead: lead ?? null, body };
  } catch {
    return null;
  }
}

export async function recoverOwedAlerts(
  redis: Redis,
  keys: Keys,
  outDir: string,
  owed: readonly OwedStory[],
  lines: readonly AlertLogLine[],
  deps: AlertRecoverDeps,
): Promise<AlertRecoverReport> {
  const report: AlertRecoverReport = { digestEntries: 0, instantQueued: 0, missingTexts: 0 };
  const rules = new Map(deps.watchlist.rules.map((r) => [r.name, r]));
  const sent = new Set(lines.filter((l) => l.kind !== 'digest').map((l) => l.key));
  const digested = await digestsDone(redis, keys, lines, deps.watchlist.rules);
  const byId = new Map(owed.map((s) => [s.id, s]));
  const instant: ReturnType<typeof jobToAdd<'alert'>>[] = [];
  for (const s of owed) {
    // Only rules that alert story by story are owed here: a spike rule alerts per spike and a
    // per-thread rule per thread, and recover-alert-state.ts rebuilds their marks instead.
    const wanted = s.matchedRules
      .map((n) => rules.get(n))
      .filter((r): r is RuleConfig => r !== undefined && !r.spike && !r.perThread);
    const open = wanted.flatMap((r) =>
      r.channels
        .filter((c) =>
          r.digest ? !digested.has(`${r.name}${SEP}${c}${SEP}${s.id}`) : !sent.has(jobId.alert(s.id, r.name, c)),
        )
        .map((c) => ({ rule: r, channel: c })),
    );
    if (open.length === 0) continue;
    const article = await matchableOf(outDir, s);
    if (!article) report.missingTexts++;
    const matches = article ? deps.matcher.match(article) : [];
    const earlier = s.followUpOf ? byId.get(s.followUpOf) : undefined;
    const pending = redis.pipeline();
    for (const { rule, channel } of open) {
      const m = matches.find((x) => x.rule.name === rule.name) ?? { rule, spans: [] };
      // A follow-up's alert is an update when the rule fired on the story it follows.
      const updateOf: UpdateOf | null =
        earlier && earlier.matchedRules.includes(rule.name)
          ? { storyId: earlier.id, title: earlier.title, url: earlier.url }
          : null;
      const story = {
        storyId: s.id,
        title: s.title,
        outlet: s.outlet,
        url: s.url,
        publishedAt: s.publishedAt,
        file: s.file,
      };
      const item: AlertItem = {
        ...alertItemFor(story, article ?? { title: s.title, lead: null, body: [] }, m),
        updateOf,
      };
      if (rule.digest) {
        pending.hsetnx(keys.digestPending(rule.name, channel), s.id, JSON.stringify(item));
        report.digestEntries++;
      } else {
        const id = jobId.alert(s.id, rule.name, channel);
        instant.push(jobToAdd('alert', { kind: 'instant', channel, item }, { jobId: id }));
        report.instantQueued++;
      }
    }
    if (pending.length > 0) await pending.exec();
  }
  // Deterministic ids: a job still in the queue (a Redis that kept its data) is not added twice.
  for (let i = 0; i < instant.length; i += 500) await deps.alertQueue.addBulk(instant.slice(i, i + 500));
  return report;
}

/** The story a manifest article line names, when it matched rules and was written recently. */
export function owedStoryOf(e: ManifestEntryRead, windowStart: number): OwedStory | null {
  const rules = Array.isArray(e.matched_rules) ? e.matched_rules.filter((x): x is string => typeof x === 'string') : [];
  if (rules.length === 0 || typeof e.file !== 'string') return null;
  const written = Date.parse(String(e.written_at ?? e.fetched_at ?? ''));
  if (Number.isFinite(written) && written < windowStart) return null;
  const related = Array.isArray(e.related) ? (e.related as { id?: unknown; kind?: unknown }[]) : [];
  const followUp = related.find((x) => x.kind === 'follow-up' && typeof x.id === 'string');
  return {
    id: e.id,
    title: String(e.title ?? ''),
    outlet: String(e.outlet ?? ''),
    url: String(e.url ?? ''),
    publishedAt: typeof e.published_at === 'string' ? e.published_at : null,
    file: e.file,
    credit: typeof e.credit === 'string' ? e.credit : null,
    matchedRules: rules,
    followUpOf: followUp ? String(followUp.id) : null,
  };
}
