// The shapes of a story thread (issue 38): the first report, its copies at other outlets, its
// follow-ups and other outlets' reports of the same event, read from the manifest's `related`
// links and duplicate lines. The alert rules and the briefing use it; the rule is thread-rule.ts.
import type { ThreadLinkKind } from './thread-rule.js';

export { THREAD_LINK_KINDS, type ThreadLinkKind } from './thread-rule.js';

/** The first report of a thread (its root), a follow-up, or another outlet's report of the event. */
export type ThreadRole = 'first' | 'follow-up' | 'same-event';

/** A copy of one of the thread's stories at another outlet (a duplicate line). */
export interface ThreadCopy {
  /** The duplicate line's own id. */
  id: string;
  /** The story it copies (duplicate_of.id). */
  of: string;
  outlet: string;
  url: string;
  published_at: string | null;
  fetched_at: string;
  similarity: number | null;
}

export interface ThreadStory {
  id: string;
  seq: number | null;
  title: string;
  outlet: string;
  source_id: string;
  url: string;
  /** The text file, relative to the output folder (null on a line without one). */
  file: string | null;
  published_at: string | null;
  fetched_at: string | null;
  written_at: string | null;
  role: ThreadRole;
  /** Its own related links inside the thread, as the manifest states them. */
  links: { id: string; kind: ThreadLinkKind; similarity: number }[];
  matched_rules: string[];
  borderline: boolean;
  /** Copies at other outlets, oldest fetch first. */
  copies: ThreadCopy[];
}

export interface StoryThread {
  /** The root story's id: the thread's key. */
  id: string;
  root: ThreadStory;
  /** Every story of the thread in written order, the root first. */
  stories: ThreadStory[];
  /** Distinct outlets of stories and copies, in the order they first reported. */
  outlets: string[];
  followUps: number;
  sameEvent: number;
  copies: number;
  /** Earliest and latest report (published_at, else fetched_at) over stories and copies. */
  firstReportAt: string | null;
  lastReportAt: string | null;
}

/** When a story or copy was reported: the outlet's time when it states one, else when it was fetched. */
export function reportedAt(x: { published_at: string | null; fetched_at: string | null }): string | null {
  return x.published_at ?? x.fetched_at;
}

/** Milliseconds of an ISO time, +Infinity when absent or unreadable (sorts last). */
export function timeOf(iso: string | null | undefined): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}
