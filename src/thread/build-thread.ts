// One thread assembled from its group of stories: roles, written order, outlets in the order they
// reported, counts, and the first and last report times.
import {
  reportedAt,
  timeOf,
  type StoryThread,
  type ThreadCopy,
  type ThreadRole,
  type ThreadStory,
} from './thread-types.js';

/** A story as the index keeps it: its line's facts (null until its line is read) and its copies. */
export interface ThreadNode {
  id: string;
  story: Omit<ThreadStory, 'role' | 'copies'> | null;
  copies: ThreadCopy[];
  /** Earliest written time of the lines pointing at it: where a story not yet read sorts. */
  referrerTime: number;
}

/** The thread of a group, or null when none of its stories' lines has been read. */
export function buildThread(root: ThreadNode, group: readonly ThreadNode[]): StoryThread | null {
  const incoming = new Map<string, Set<string>>();
  for (const n of group)
    for (const l of n.story?.links ?? []) incoming.set(l.id, (incoming.get(l.id) ?? new Set()).add(l.kind));
  const stories: ThreadStory[] = group
    .filter((n): n is ThreadNode & { story: NonNullable<ThreadNode['story']> } => n.story !== null)
    .map((n) => ({
      ...n.story,
      role: roleOf(n, root, incoming.get(n.id)),
      copies: [...n.copies].sort((a, b) => timeOf(a.fetched_at) - timeOf(b.fetched_at)),
    }))
    .sort(
      (a, b) =>
        Number(b.id === root.id) - Number(a.id === root.id) ||
        timeOf(a.written_at ?? a.fetched_at) - timeOf(b.written_at ?? b.fetched_at) ||
        (a.seq ?? 0) - (b.seq ?? 0),
    );
  if (!stories.length) return null;
  // A root whose line is not read yet: the earliest story read stands for it.
  if (stories[0]!.id !== root.id) stories[0] = { ...stories[0]!, role: 'first' };
  const reports = stories
    .flatMap((s) => [
      { outlet: s.outlet, at: reportedAt(s) },
      ...s.copies.map((c) => ({ outlet: c.outlet, at: reportedAt(c) })),
    ])
    .sort((a, b) => timeOf(a.at) - timeOf(b.at));
  const times = reports.map((r) => r.at).filter((t): t is string => t !== null);
  return {
    id: root.id,
    root: stories[0]!,
    stories,
    outlets: [...new Set(reports.map((r) => r.outlet).filter(Boolean))],
    followUps: stories.filter((s) => s.role === 'follow-up').length,
    sameEvent: stories.filter((s) => s.role === 'same-event').length,
    copies: stories.reduce((a, s) => a + s.copies.length, 0),
    firstReportAt: times[0] ?? null,
    lastReportAt: times.at(-1) ?? null,
  };
}

function roleOf(n: ThreadNode, root: ThreadNode, incoming: Set<string> | undefined): ThreadRole {
  if (n.id === root.id) return 'first';
  const own = n.story?.links ?? [];
  if (own.some((l) => l.kind === 'follow-up')) return 'follow-up';
  if (own.length) return 'same-event';
  // Another first report the thread took in through a later story's links.
  return incoming?.has('same-event') || !incoming ? 'same-event' : 'follow-up';
}
