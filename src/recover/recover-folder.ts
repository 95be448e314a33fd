// `tinwatch recover`: the output folder is the record, and Redis is rebuilt from it. Every key
// that decides what is written or sent comes back from what the folder holds:
// - the file-number counter (keys.seq) and each story's number (keys.storySeq): from the
//   manifest's article lines and the NNN_<id>.txt files (a file whose manifest line a crash cut
//   off keeps its number);
// - the stories whose manifest line is written (keys.manifested): every manifest line;
// - the seen set (keys.seen): each line's canonical URL, reduced to the identity it was seen by;
// - the carriers of each story (keys.storyOutlets): the duplicate lines;
// - the alert-sent marks (keys.alertSent): out/alerts.jsonl;
// - the alerts still owed (recover-alerts.ts): pending digest entries and instant alert jobs of
//   recent stories whose matched rules alerts.jsonl shows no delivery for;
// - thread roots, spike rules' matches, per-thread and spike marks: recover-alert-state.ts;
// - the duplicate index: rebuilt from the texts (dedupe/rebuild-index.ts);
// and last the folder's id (keys.outFolder), which lets writers start again.
// Runs under a lock in Redis; values only ever grow (the counter is never lowered), so a recover
// run against a Redis that still holds data loses nothing either.
import type { Redis } from 'ioredis';
import type { SourceConfig } from '../../config/source-schema.js';
import { readAlertLog } from '../alert/alert-log.js';
import {
  owedStoryOf,
  recoverOwedAlerts,
  type AlertRecoverDeps,
  type AlertRecoverReport,
  type OwedStory,
} from './recover-alerts.js';
import { rebuildIndex, type RebuildReport } from '../dedupe/rebuild-index.js';
import { rebuildAlertState, type AlertStateReport } from './recover-alert-state.js';
import { carrierMember } from '../dedupe/story-carriers.js';
import type { Keys } from '../../base/redis/keys.js';
import { articleIdentity, storyIdFor } from '../../base/url/canonical-url.js';
import { manifestLines } from '../write/article-files.js';
import {
  articleFileNumbers,
  createFolderIdentity,
  readFolderIdentity,
  RecoverBusyError,
} from '../write/folder-identity.js';
import { parseManifestLine, type ManifestEntryRead } from '../write/manifest-entry.js';

/** Kept as long as deliver-alert.ts keeps a fresh mark. */
const SENT_TTL_SECONDS = 180 * 24 * 3600;
const BATCH = 1000;

export interface RecoverReport {
  articles: number;
  duplicates: number;
  /** The number the next written story gets. */
  nextSeq: number;
  /** Article files with no manifest line (a crash between file and line): their numbers are kept. */
  filesWithoutLine: number;
  seen: number;
  /** Lines whose URL no longer reduces to their story id (a source's URL rules changed). */
  seenUnmatched: number;
  alertsMarked: number;
  /** Alert lines older than the marks are kept (180 days). */
  alertsExpired: number;
  damagedLines: number;
  damagedAlertLines: number;
  /** Absent when recover ran without the watchlist (no alerts rebuilt). */
  owed?: AlertRecoverReport;
  index: RebuildReport;
  alertState: AlertStateReport;
}

export interface RecoverOptions {
  sources: readonly SourceConfig[];
  retentionDays?: number;
  bucketBits?: number;
  now?: Date;
  /** The watchlist and alert queue: alerts still owed are rebuilt (absent = not). */
  alerts?: AlertRecoverDeps;
  /** Alerts of stories written longer ago than this are not owed again (default 7). */
  alertWindowDays?: number;
}

const ALERT_WINDOW_DAYS = 7;

/** The identity a line's story was seen by: the one whose story id is the line's id. */
function seenIdentity(e: ManifestEntryRead, sources: readonly SourceConfig[]): string | null {
  const canonical = typeof e.canonical_url === 'string' ? e.canonical_url : e.url;
  if (!canonical) return null;
  const source = sources.find((s) => s.id === e.source_id);
  let byRules: string | null = null;
  try {
    byRules = articleIdentity(canonical, source?.canonical);
  } catch {
    // a URL the rules cannot read: try the canonical URL itself
  }
  for (const identity of [byRules, canonical]) if (identity && storyIdFor(identity) === e.id) return identity;
  return null;
}

function carrierOf(e: ManifestEntryRead): string {
  const match = (e.match ?? {}) as { kind?: 'exact' | 'near'; similarity?: number; containment?: number };
  return carrierMember({
    id: e.id,
    url: String(e.url ?? ''),
    outlet: String(e.outlet ?? ''),
    published_at: e.published_at,
    fetched_at: e.fetched_at ?? null,
    kind: match.kind ?? null,
    similarity: match.similarity ?? null,
    containment: match.containment ?? null,
  });
}

export async function recoverFolder(
  redis: Redis,
  keys: Keys,
  outDir: string,
  opts: RecoverOptions,
): Promise<RecoverReport> {
  const lockToken = `${process.pid}-${Date.now()}`;
  if ((await redis.set(keys.recoverLock, lockToken, 'EX', 3600, 'NX')) !== 'OK')
    throw new RecoverBusyError(`another \`tinwatch recover\` is running on prefix "${keys.prefix}"`);
  try {
    return await rebuild(redis, keys, outDir, opts);
  } finally {
    if ((await redis.get(keys.recoverLock)) === lockToken) await redis.del(keys.recoverLock);
  }
}

async function rebuild(redis: Redis, keys: Keys, outDir: string, opts: RecoverOptions): Promise<RecoverReport> {
  const now = (opts.now ?? new Date()).getTime();
  const r = { articles: 0, duplicates: 0, seen: 0, seenUnmatched: 0, damagedLines: 0 };
  const numbered = new Map<string, number>();
  let maxSeq = -1;
  const owed: OwedStory[] = [];
  /** Stories removed on request (tombstone lines): owed nothing. */
  const removed = new Set<string>();
  const windowStart = now - (opts.alertWindowDays ?? ALERT_WINDOW_DAYS) * 86_400_000;
  let p = redis.pipeline();
  const flush = async (force = false): Promise<void> => {
    if (p.length >= BATCH || (force && p.length > 0)) {
      await p.exec();
      p = redis.pipeline();
    }
  };
  for await (const line of manifestLines(outDir)) {
    if (!line.trim()) continue;
    const read = parseManifestLine(line);
    if (!read.ok) {
      r.damagedLines++;
      continue;
    }
    const e = read.entry;
    p.sadd(keys.manifested, e.id);
    const identity = seenIdentity(e, opts.sources);
    if (identity) {
      p.sadd(keys.seen, identity);
      r.seen++;
    } else r.seenUnmatched++;
    if (e.type === 'article') {
      r.articles++;
      const o = opts.alerts ? owedStoryOf(e, windowStart) : null;
      if (o) owed.push(o);
      if (typeof e.seq === 'number') {
        numbered.set(e.id, e.seq);
        maxSeq = Math.max(maxSeq, e.seq);
      }
    } else if (e.type === 'tombstone') removed.add(e.id);
    else {
      r.duplicates++;
      if (e.duplicate_of) p.sadd(keys.storyOutlets(e.duplicate_of.id), carrierOf(e));
    }
    await flush();
  }
  const files = articleFileNumbers(outDir);
  let filesWithoutLine = 0;
  for (const [id, n] of files.byStory) {
    if (!numbered.has(id)) filesWithoutLine++;
    // The file's number is the one its story was given: a retried job must write the same name.
    numbered.set(id, numbered.get(id) ?? n);
  }
  maxSeq = Math.max(maxSeq, files.max);
  for (const [id, n] of numbered) {
    p.hset(keys.storySeq, id, n);
    await flush();
  }
  await flush(true);
  // The counter holds the next number; it is only ever raised.
  const current = Number((await redis.get(keys.seq)) ?? 0);
  const nextSeq = Math.max(current, maxSeq + 1);
  await redis.set(keys.seq, nextSeq);

  const alerts = await readAlertLog(outDir);
  let alertsMarked = 0;
  let alertsExpired = 0;
  for (const a of alerts.lines) {
    const ageSeconds = Math.floor((now - Date.parse(a.sent_at)) / 1000);
    const ttl = SENT_TTL_SECONDS - (Number.isFinite(ageSeconds) ? Math.max(0, ageSeconds) : 0);
    if (ttl <= 0) {
      alertsExpired++;
      continue;
    }
    p.set(keys.alertSent(a.key), a.sent_at, 'EX', ttl);
    alertsMarked++;
    await flush();
  }
  await flush(true);
  const owedReport = opts.alerts
    ? await recoverOwedAlerts(
        redis,
        keys,
        outDir,
        owed.filter((o) => !removed.has(o.id)),
        alerts.lines,
        opts.alerts,
      )
    : undefined;
  const alertState = await rebuildAlertState(redis, keys, outDir, alerts.lines, now);

  const index = await rebuildIndex(redis, keys, outDir, {
    ...(opts.retentionDays !== undefined ? { retentionDays: opts.retentionDays } : {}),
    ...(opts.bucketBits !== undefined ? { bucketBits: opts.bucketBits } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  // Last: writers wait for this mark, so they never see a half-rebuilt record.
  const identity = readFolderIdentity(outDir) ?? createFolderIdentity(outDir, keys.prefix);
  await redis.set(keys.outFolder, identity.id);
  return {
    ...r,
    nextSeq,
    filesWithoutLine,
    alertsMarked,
    alertsExpired,
    damagedAlertLines: alerts.damaged,
    ...(owedReport ? { owed: owedReport } : {}),
    index,
    alertState,
  };
}
