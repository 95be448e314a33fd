// The day's threads, ranked as an analyst reads them: the ones most outlets carried first, then
// those with the most follow-ups and other reports, then the most active on the day itself.
import type { ThreadIndex } from '../thread/thread-index.js';
import { reportedAt, timeOf, type StoryThread } from '../thread/thread-types.js';
import type { BriefThread } from './brief-model.js';
import { dayBounds } from './brief-days.js';

/** Threads with a report on the day; with `rule`, only threads where a story matched that rule. */
export function rankDayThreads(index: ThreadIndex, day: string, rule?: string): BriefThread[] {
  const { from, to } = dayBounds(day);
  const [start, end] = [Date.parse(from), Date.parse(to)];
  const onDay = (x: { published_at: string | null; fetched_at: string | null }): boolean => {
    const t = timeOf(reportedAt(x));
    return t >= start && t < end;
  };
  return index
    .threadsActiveBetween(from, to)
    .filter((t) => !rule || t.stories.some((s) => s.matched_rules.includes(rule)))
    .map((thread): BriefThread => {
      const outlets = new Set<string>();
      for (const s of thread.stories) {
        if (onDay(s)) outlets.add(s.outlet);
        for (const c of s.copies) if (onDay(c)) outlets.add(c.outlet);
      }
      const first = timeOf(thread.firstReportAt);
      return {
        thread,
        outletsToday: outlets.size,
        updatesToday: thread.stories.filter((s) => s.role !== 'first' && onDay(s)).length,
        isNew: first >= start && first < end,
      };
    })
    .sort(byRank);
}

function byRank(a: BriefThread, b: BriefThread): number {
  return (
    b.thread.outlets.length - a.thread.outlets.length ||
    updates(b.thread) - updates(a.thread) ||
    b.outletsToday - a.outletsToday ||
    timeOf(a.thread.firstReportAt) - timeOf(b.thread.firstReportAt) ||
    a.thread.id.localeCompare(b.thread.id)
  );
}

const updates = (t: StoryThread): number => t.followUps + t.sameEvent;
