// A daily briefing assembled from the output folder (threads, coverage, borderline stories) and
// what Redis knows now (source health, the judgements already made). The stores are passed in as
// small functions, so the CLI, the dashboard and the benchmark share it without a runtime.
import type { SourceHealth } from '../stats/pipeline-stats.js';
import type { Brief } from './brief-model.js';
import { dayBounds, dayOf } from './brief-days.js';
import { coverageByOutlet } from './coverage.js';
import { rankDayThreads } from './rank-threads.js';
import { readBriefManifest } from './read-brief-manifest.js';
import { SILENT_DAYS, sourceProblems, type WatchedSource } from './source-problems.js';
import { readStoryLeads } from '../thread/story-lead.js';
import { timeOf } from '../thread/thread-types.js';

export interface BriefStores {
  outDir: string;
  sources: readonly WatchedSource[];
  health(sourceId: string): Promise<SourceHealth>;
  /** Ids of stories a person has already judged (relevance marks). */
  judged(): Promise<ReadonlySet<string>>;
  causeWords?: (cause: string) => string;
}

export interface BriefOptions {
  /** The Vietnam day; default: the newest day with a report, up to today. */
  day?: string;
  /** Only threads and coverage where a story matched this watch rule. */
  rule?: string;
  silentDays?: number;
  now?: Date;
}

export async function gatherBrief(stores: BriefStores, opts: BriefOptions = {}): Promise<Brief> {
  const now = opts.now ?? new Date();
  const today = dayOf(now);
  const m = await readBriefManifest(stores.outDir, today);
  const day = opts.day ?? m.latestDay ?? today;
  const silentDays = opts.silentDays ?? SILENT_DAYS;
  const threads = rankDayThreads(m.index, day, opts.rule);
  const judged = await stores.judged();
  const chartFrom = Date.parse(dayBounds(day).from) - 13 * 86_400_000;
  const dayEnd = Date.parse(dayBounds(day).to);
  const waiting = m.borderline
    .filter((b) => !judged.has(b.id) && timeOf(b.reported_at) < dayEnd)
    .sort((a, b) => timeOf(b.reported_at) - timeOf(a.reported_at));
  const health = new Map(
    await Promise.all(stores.sources.map(async (s) => [s.id, await stores.health(s.id)] as const)),
  );
  return {
    day,
    builtAt: now.toISOString(),
    threads,
    newThreads: threads.filter((t) => t.isNew),
    coverage: coverageByOutlet(m.index.allThreads(), day, opts.rule),
    borderline: waiting.filter((b) => timeOf(b.reported_at) >= chartFrom),
    olderBorderline: waiting.filter((b) => timeOf(b.reported_at) < chartFrom).length,
    leads: await readStoryLeads(
      stores.outDir,
      threads.flatMap((t) => t.thread.stories.filter((s) => s.role !== 'first')),
    ),
    sources: sourceProblems(stores.sources, health, m.lastReport, day, stores.causeWords, silentDays),
    silentDays,
    sourceCount: stores.sources.length,
  };
}
