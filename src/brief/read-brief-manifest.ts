// One pass over the manifest for a briefing: the thread index, the borderline stories, and per
// source its last report, so a month of output is read once however many parts the page has.
import { manifestLines } from '../write/article-files.js';
import { parseManifestLine, type ManifestEntryRead } from '../write/manifest-entry.js';
import { ThreadIndex } from '../thread/thread-index.js';
import { reportedAt, timeOf } from '../thread/thread-types.js';
import type { BorderlineStory } from './brief-model.js';
import { dayOf } from './brief-days.js';

export interface BriefManifest {
  index: ThreadIndex;
  borderline: BorderlineStory[];
  /** Per source id, its newest story or copy (reported time). */
  lastReport: Map<string, string>;
  /** The newest Vietnam day with a report, not after `today`; null for an empty manifest. */
  latestDay: string | null;
}

export async function readBriefManifest(outDir: string, today: string): Promise<BriefManifest> {
  const m: BriefManifest = { index: new ThreadIndex(), borderline: [], lastReport: new Map(), latestDay: null };
  for await (const line of manifestLines(outDir)) {
    if (!line.includes('"article"') && !line.includes('"duplicate"')) continue;
    const read = parseManifestLine(line);
    // A fragment a failed write left does not parse: not a story.
    if (!read.ok || (read.entry.type !== 'article' && read.entry.type !== 'duplicate')) continue;
    take(m, read.entry, today);
  }
  return m;
}

function take(m: BriefManifest, e: ManifestEntryRead, today: string): void {
  m.index.add(e);
  const at = reportedAt({ published_at: e.published_at, fetched_at: e.fetched_at ?? null });
  const last = e.source_id ? m.lastReport.get(e.source_id) : undefined;
  if (e.source_id && at && (last === undefined || timeOf(at) > timeOf(last))) m.lastReport.set(e.source_id, at);
  const day = dayOf(at);
  // An outlet's clock ahead of ours does not make tomorrow the latest day.
  if (day && day <= today && (!m.latestDay || day > m.latestDay)) m.latestDay = day;
  const rel = e.relevance as { borderline?: unknown; score?: unknown; reason?: unknown } | undefined;
  if (e.type === 'article' && rel?.borderline === true)
    m.borderline.push({
      id: e.id,
      title: e.title ?? '',
      outlet: e.outlet ?? '',
      url: e.url ?? '',
      reported_at: at,
      score: typeof rel.score === 'number' ? rel.score : null,
      reason: typeof rel.reason === 'string' ? rel.reason : null,
    });
}
