// Cross-validation folds split by story: texts about the same event (one story retold by several
// outlets, or the same article excerpted twice) must sit in one fold, or the model is tested on a
// story it was trained on. Two texts are one story when one holds at least STORY_OVERLAP of the
// other's 5-syllable shingles (the labelling guide's own grouping rule); groups are the connected
// components. Groups go to folds largest first, each to the fold with the fewest texts of its
// label, so every fold gets its share of ON texts; ties broken by a seeded order.
import { foldTokens } from '../src/text/vietnamese-fold.js';
import { seededRandom } from './seeded-random.js';
import { unionFind } from './union-find.js';

export const STORY_OVERLAP = 0.3;
const SHINGLE = 5;

function shingles(text: string): Set<string> {
  const t = foldTokens(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= t.length; i++) out.add(t.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Story group per text (an index into the texts: the group's first member). */
export function storyGroups(texts: readonly string[]): number[] {
  const { find, join } = unionFind(texts.length);
  const sets = texts.map(shingles);
  const byShingle = new Map<string, number[]>();
  sets.forEach((s, i) => {
    for (const sh of s) {
      const l = byShingle.get(sh) ?? [];
      l.push(i);
      byShingle.set(sh, l);
    }
  });
  sets.forEach((s, i) => {
    const shared = new Map<number, number>();
    for (const sh of s) for (const j of byShingle.get(sh)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, n] of shared) {
      const smaller = Math.min(s.size, sets[j]!.size);
      if (smaller > 0 && n / smaller >= STORY_OVERLAP) join(j, i);
    }
  });
  return texts.map((_, i) => find(i));
}

/** Fold (0..k-1) per text; texts of one story group share a fold. */
export function storyFolds(groups: readonly number[], labels: readonly boolean[], k: number, seed = 33): number[] {
  const members = new Map<number, number[]>();
  groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const rand = seededRandom(seed);
  const order = [...members.values()]
    .map((m) => ({ m, tie: rand() }))
    .sort((a, b) => b.m.length - a.m.length || a.tie - b.tie)
    .map((x) => x.m);
  const size = Array.from({ length: k }, () => ({ on: 0, all: 0 }));
  const fold = new Array<number>(groups.length).fill(0);
  for (const m of order) {
    const on = m.filter((i) => labels[i]).length;
    const key = (f: { on: number; all: number }): number => (on > 0 ? f.on * 1e6 + f.all : f.all * 1e6 + f.on);
    let best = 0;
    for (let f = 1; f < k; f++) if (key(size[f]!) < key(size[best]!)) best = f;
    for (const i of m) fold[i] = best;
    size[best]!.on += on;
    size[best]!.all += m.length;
  }
  return fold;
}
