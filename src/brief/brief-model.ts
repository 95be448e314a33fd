// What a daily briefing holds, as plain data: built by gather-brief.ts, drawn by render-brief.ts,
// printed as JSON by `tinwatch brief --json`.
import type { StoryThread } from '../thread/thread-types.js';

/** A thread as the briefing ranks it: the thread, and what of it happened on the day. */
export interface BriefThread {
  thread: StoryThread;
  /** Outlets that reported it on the day (stories or copies). */
  outletsToday: number;
  /** Follow-ups and same-event reports written on the day. */
  updatesToday: number;
  /** Its first report was on the day. */
  isNew: boolean;
}

/** Matching coverage: pages (stories and copies) per outlet per Vietnam day. */
export interface Coverage {
  days: string[];
  /** Outlets, most pages first. */
  outlets: { outlet: string; counts: number[]; total: number }[];
}

export interface BorderlineStory {
  id: string;
  title: string;
  outlet: string;
  url: string;
  reported_at: string | null;
  score: number | null;
  reason: string | null;
}

export interface SourceProblem {
  source_id: string;
  name: string;
  kind: 'failing' | 'silent';
  /** Failing: since when; silent: the last story or copy, or null when it never had one. */
  since: string | null;
  /** Failing: the cause in words and what failed; silent: how long it has been quiet. */
  detail: string;
}

export interface Brief {
  day: string;
  /** When the brief was built (UTC): source health is as of then. */
  builtAt: string;
  /** Threads active on the day, ranked by outlets and follow-ups. */
  threads: BriefThread[];
  /** Threads whose first report was on the day (also in threads). */
  newThreads: BriefThread[];
  coverage: Coverage;
  borderline: BorderlineStory[];
  /** Borderline stories waiting, older than the chart's 14 days (not listed). */
  olderBorderline: number;
  /** The leads of the day's follow-ups and other reports (their new facts), by story id. */
  leads: Record<string, string>;
  sources: SourceProblem[];
  /** Days without a story after which a working source is called silent. */
  silentDays: number;
  /** Sources configured (enabled): the denominator of "N failing". */
  sourceCount: number;
}
