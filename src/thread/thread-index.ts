// The threads of an output folder, grouped from manifest lines: each article line joins the
// stories its `related` links name (follow-up, same-event), each duplicate line joins the story it
// copies. Groups are kept with union-find, so adding a line costs near nothing and a thread is
// built only when asked for.
//
// The root (the thread's id) follows thread-rule.ts: `related` always names a story claimed
// earlier, so the root is a story of the group that links to nothing, and a new story never takes
// the root from an existing thread; when a new story links two threads, the older root wins.
// "Who reported first" is a different question (published times), answered on the thread itself.
import type { ManifestEntryRead } from '../write/manifest-entry.js';
import { buildThread, type ThreadNode } from './build-thread.js';
import { joiningLinks, olderRoot, rootJoined } from './thread-rule.js';
import { reportedAt, timeOf, type StoryThread, type ThreadLinkKind } from './thread-types.js';

type RelatedRef = { id: string; kind: string; similarity?: number };

export class ThreadIndex {
  private readonly nodes = new Map<string, ThreadNode>();
  private readonly copyOf = new Map<string, string>();
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, string[]>();

  /** Adds one parsed manifest line; tombstones (and anything else) change no thread. */
  add(entry: ManifestEntryRead): void {
    if (entry.type === 'article') this.addArticle(entry);
    else if (entry.type === 'duplicate' && entry.duplicate_of) this.addCopy(entry, entry.duplicate_of.id);
  }

  /** Stories (written or only named by a link) the index knows. */
  get size(): number {
    return this.nodes.size;
  }

  /** The thread of an article id or a copy's id; null when unknown. */
  threadOf(storyId: string): StoryThread | null {
    const id = this.copyOf.get(storyId) ?? storyId;
    if (!this.nodes.has(id)) return null;
    const group = this.group(id);
    return buildThread(this.rootAmong(group), group);
  }

  /** The thread id of a known story or copy; null when unknown. */
  rootOf(storyId: string): string | null {
    const id = this.copyOf.get(storyId) ?? storyId;
    return this.nodes.has(id) ? this.rootAmong(this.group(id)).id : null;
  }

  /** The thread id a story not yet in the manifest joins through its related refs, or null (its own). */
  rootForNew(related: readonly RelatedRef[]): string | null {
    const joined = joiningLinks(related).map((r) => {
      const id = this.copyOf.get(r.id) ?? r.id;
      // A target this index has not read yet was claimed before the new story: it roots its group.
      return this.nodes.has(id) ? candidate(this.rootAmong(this.group(id))) : { id, at: Number.NEGATIVE_INFINITY };
    });
    return joined.length ? rootJoined('', joined) : null;
  }

  /** Every thread with a story or copy reported in [fromIso, toIso). */
  threadsActiveBetween(fromIso: string, toIso: string): StoryThread[] {
    const [from, to] = [Date.parse(fromIso), Date.parse(toIso)];
    const inRange = (x: { published_at: string | null; fetched_at: string | null }): boolean => {
      const t = timeOf(reportedAt(x));
      return t >= from && t < to;
    };
    const out: StoryThread[] = [];
    for (const rep of this.members.keys()) {
      const group = this.members.get(rep)!.map((id) => this.nodes.get(id)!);
      if (!group.some((n) => (n.story && inRange(n.story)) || n.copies.some(inRange))) continue;
      const thread = buildThread(this.rootAmong(group), group);
      if (thread) out.push(thread);
    }
    return out;
  }

  /** Every thread, in no particular order. */
  allThreads(): StoryThread[] {
    const out: StoryThread[] = [];
    for (const ids of this.members.values()) {
      const group = ids.map((id) => this.nodes.get(id)!);
      const thread = buildThread(this.rootAmong(group), group);
      if (thread) out.push(thread);
    }
    return out;
  }

  private addArticle(e: ManifestEntryRead): void {
    const node = this.node(e.id);
    if (node.story) return; // a line read twice (a reader that started over) changes nothing
    const links = joiningLinks(e.related, e.id).map((r) => ({
      id: r.id,
      kind: r.kind as ThreadLinkKind,
      similarity: r.similarity,
    }));
    const rel = e.relevance as { borderline?: unknown } | undefined;
    node.story = {
      id: e.id,
      seq: typeof e.seq === 'number' ? e.seq : null,
      title: e.title ?? '',
      outlet: e.outlet ?? '',
      source_id: e.source_id ?? '',
      url: e.url ?? '',
      file: typeof e.file === 'string' ? e.file : null,
      published_at: e.published_at,
      fetched_at: e.fetched_at ?? null,
      written_at: e.written_at ?? null,
      links,
      matched_rules: e.matched_rules ?? [],
      borderline: rel?.borderline === true,
    };
    const at = timeOf(e.written_at ?? e.fetched_at);
    for (const l of links) {
      // A link to a copy joins the copy's original (thread-rule.ts); a copy not read yet is
      // joined to its original when its line comes (addCopy).
      const to = this.copyOf.get(l.id) ?? l.id;
      const target = this.node(to);
      target.referrerTime = Math.min(target.referrerTime, at);
      this.union(e.id, to);
    }
  }

  private addCopy(e: ManifestEntryRead, of: string): void {
    if (this.copyOf.has(e.id)) return;
    this.copyOf.set(e.id, of);
    const target = this.node(of);
    if (this.nodes.has(e.id)) this.union(e.id, of);
    const fetched = e.fetched_at ?? '';
    target.referrerTime = Math.min(target.referrerTime, timeOf(fetched));
    const match = e.match as { similarity?: unknown } | undefined;
    target.copies.push({
      id: e.id,
      of,
      outlet: e.outlet ?? '',
      url: e.url ?? '',
      published_at: e.published_at,
      fetched_at: fetched,
      similarity: typeof match?.similarity === 'number' ? match.similarity : null,
    });
  }

  private node(id: string): ThreadNode {
    let n = this.nodes.get(id);
    if (!n) {
      n = placeholder(id, Number.POSITIVE_INFINITY);
      this.nodes.set(id, n);
      this.parent.set(id, id);
      this.members.set(id, [id]);
    }
    return n;
  }

  private find(id: string): string {
    let r = id;
    while (this.parent.get(r) !== r) r = this.parent.get(r)!;
    for (let x = id; x !== r;) {
      const next = this.parent.get(x)!;
      this.parent.set(x, r);
      x = next;
    }
    return r;
  }

  private union(a: string, b: string): void {
    let [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    if (this.members.get(ra)!.length < this.members.get(rb)!.length) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.members.get(ra)!.push(...this.members.get(rb)!);
    this.members.delete(rb);
  }

  private group(id: string): ThreadNode[] {
    return this.members.get(this.find(id))!.map((m) => this.nodes.get(m)!);
  }

  /** The group's stories that link back to nothing (the first reports), earliest of them. */
  private rootAmong(group: readonly ThreadNode[]): ThreadNode {
    // A copy linked to before its line was read stands for its original: never a root.
    const sinks = group.filter((n) => !this.copyOf.has(n.id) && (!n.story || n.story.links.length === 0));
    return earliest(sinks.length ? sinks : group);
  }
}

function placeholder(id: string, referrerTime: number): ThreadNode {
  return { id, story: null, copies: [], referrerTime };
}

/** Written time, or for a story whose line is not read yet just before what points at it. */
function writtenKey(n: ThreadNode): number {
  return n.story ? timeOf(n.story.written_at ?? n.story.fetched_at) : n.referrerTime - 1;
}

function candidate(n: ThreadNode): { id: string; at: number } {
  return { id: n.id, at: writtenKey(n) };
}

function earliest(nodes: readonly ThreadNode[]): ThreadNode {
  return nodes.reduce((a, b) => (olderRoot(candidate(b), candidate(a)) ? b : a));
}
