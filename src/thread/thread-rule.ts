// The thread rule: the one definition the thread page, the briefing, the alert path (through its
// Redis cache, src/alert/thread-root.ts) and `recover` share.
// - A follow-up or same-event link joins the linked story's thread; `same-series` (another day
//   of a recurring column) does not.
// - A copy (a duplicate line) joins its original's thread.
// - A thread's id is its root: its earliest first report. `related` always names a story claimed
//   earlier, so a story joining threads takes the oldest of their roots, never gives its own.
//   A story joining none roots a thread of its own.

/** The related kinds that join a thread. */
export type ThreadLinkKind = 'follow-up' | 'same-event';

export const THREAD_LINK_KINDS: ReadonlySet<string> = new Set<ThreadLinkKind>(['follow-up', 'same-event']);

export interface ThreadLink {
  id: string;
  kind: string;
}

/** A story's links that join threads, in the order given; links to itself join nothing. */
export function joiningLinks<L extends ThreadLink>(related: readonly L[] | null | undefined, selfId?: string): L[] {
  return (related ?? []).filter((r) => THREAD_LINK_KINDS.has(r.kind) && r.id !== selfId);
}

/** The first link that joins a thread (the article job writes one related link at most). */
export function joiningLink<L extends ThreadLink>(related: readonly L[] | null | undefined): L | null {
  return joiningLinks(related)[0] ?? null;
}

/** The root of a thread a story joins, and when it was written (ms; -Infinity: before anything known). */
export interface RootCandidate {
  id: string;
  at: number;
}

/** Whether `a` is the older root: written first, the smaller id on a tie. */
export function olderRoot(a: RootCandidate, b: RootCandidate): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

/** The root a story takes: the oldest root of the threads it joins, else its own id. */
export function rootJoined(storyId: string, joined: readonly RootCandidate[]): string {
  let best: RootCandidate | null = null;
  for (const c of joined) if (!best || olderRoot(c, best)) best = c;
  return best?.id ?? storyId;
}
