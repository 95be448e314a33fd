// Threads from manifest lines: related follow-up / same-event links join stories, duplicate lines
// add outlets, same-series links (another day of a column) do not join, and the root stays the
// first report whatever order the lines arrive in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadIndex } from '../../src/thread/index.js';
import type { ManifestEntryRead } from '../../src/write/manifest-entry.js';

const id = (n: number): string => n.toString(16).padStart(16, '0');
const at = (minute: number): string => new Date(Date.UTC(2026, 7, 20, 1, minute)).toISOString();

function article(
  n: number,
  minute: number,
  outlet: string,
  related: ManifestEntryRead['related'] = [],
): ManifestEntryRead {
  return {
    schema_version: 3,
    type: 'article',
    id: id(n),
    seq: n,
    url: `https://${outlet}.vn/${n}`,
    outlet,
    source_id: outlet,
    title: `story ${n}`,
    file: `articles/${String(n).padStart(3, '0')}_${id(n)}.txt`,
    published_at: at(minute - 5),
    fetched_at: at(minute),
    written_at: at(minute),
    duplicate_of: null,
    matched_rules: ['r'],
    relevance: { borderline: n === 3 },
    ...(related.length ? { related } : {}),
  };
}

function copy(n: number, of: number, minute: number, outlet: string): ManifestEntryRead {
  return {
    schema_version: 3,
    type: 'duplicate',
    id: id(n),
    url: `https://${outlet}.vn/c${n}`,
    outlet,
    published_at: null,
    fetched_at: at(minute),
    duplicate_of: { id: id(of), url: 'https://x.vn/', outlet: 'x', written_at: null },
    match: { kind: 'near', similarity: 0.8, containment: 0.9 },
  };
}

const lines = (): ManifestEntryRead[] => [
  article(1, 0, 'a'),
  copy(10, 1, 2, 'b'),
  article(2, 10, 'c', [{ id: id(1), kind: 'follow-up', similarity: 0.5 }]),
  article(3, 12, 'd', [{ id: id(1), kind: 'same-event', similarity: 0.2 }]),
  article(4, 20, 'a', [{ id: id(1), kind: 'same-series', similarity: 0.7 }]),
  copy(11, 2, 30, 'e'),
];

describe('ThreadIndex', () => {
  it('joins the first report, its copies, follow-ups and same-event reports; not another day of a series', () => {
    const index = new ThreadIndex();
    for (const l of lines()) index.add(l);
    const t = index.threadOf(id(2))!;
    expect(t.id).toBe(id(1));
    expect(t.stories.map((s) => [s.id, s.role])).toEqual([
      [id(1), 'first'],
      [id(2), 'follow-up'],
      [id(3), 'same-event'],
    ]);
    expect(t.outlets).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([t.followUps, t.sameEvent, t.copies]).toEqual([1, 1, 2]);
    expect(t.stories[2]!.borderline).toBe(true);
    expect(index.threadOf(id(11))!.id).toBe(id(1)); // a copy's id leads to its story's thread
    expect(index.threadOf(id(4))!.stories.map((s) => s.id)).toEqual([id(4)]);
    expect(index.rootOf(id(10))).toBe(id(1));
    expect(index.threadOf(id(99))).toBeNull();
  });

  it('gives a new story the thread of what it follows up, and none for a series link', () => {
    const index = new ThreadIndex();
    for (const l of lines()) index.add(l);
    expect(index.rootForNew([{ id: id(3), kind: 'follow-up' }])).toBe(id(1));
    expect(index.rootForNew([{ id: id(4), kind: 'same-series' }])).toBeNull();
    // A target whose line is not written yet (its job writes it last) is the root.
    expect(index.rootForNew([{ id: id(77), kind: 'same-event' }])).toBe(id(77));
  });

  it('keeps the older root when a story links two threads', () => {
    const index = new ThreadIndex();
    index.add(article(1, 0, 'a'));
    index.add(article(2, 5, 'b'));
    index.add(
      article(3, 9, 'c', [
        { id: id(2), kind: 'same-event', similarity: 0.2 },
        { id: id(1), kind: 'follow-up', similarity: 0.4 },
      ]),
    );
    const t = index.threadOf(id(2))!;
    expect(t.id).toBe(id(1));
    expect(t.stories.map((s) => s.role)).toEqual(['first', 'same-event', 'follow-up']);
  });

  it('finds the threads active in a window, by report time', () => {
    const index = new ThreadIndex();
    for (const l of lines()) index.add(l);
    const active = index.threadsActiveBetween(at(25), at(40)).map((t) => t.id);
    expect(active).toEqual([id(1)]); // only the copy at minute 30 is in the window
    expect(index.threadsActiveBetween(at(41), at(50))).toEqual([]);
  });

  it('has the same threads and roots whatever order the lines arrive in (property)', () => {
    const base = lines();
    const expected = new ThreadIndex();
    for (const l of base) expected.add(l);
    fc.assert(
      fc.property(fc.shuffledSubarray(base, { minLength: base.length }), (order) => {
        const index = new ThreadIndex();
        for (const l of order) index.add(l);
        for (const l of base) {
          expect(index.rootOf(l.id)).toBe(expected.rootOf(l.id));
          expect(index.threadOf(l.id)!.stories.map((s) => s.id)).toEqual(
            expected.threadOf(l.id)!.stories.map((s) => s.id),
          );
        }
      }),
    );
  });
});
