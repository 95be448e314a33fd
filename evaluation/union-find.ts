// Disjoint sets over the indices 0..n-1, with path compression: the evaluations' story and outlet
// groups are connected components of "same story" and "same site" links.
export interface UnionFind {
  /** The representative of `i`'s set. */
  find: (i: number) => number;
  /** Puts `child`'s set under `root`'s representative. */
  join: (child: number, root: number) => void;
}

export function unionFind(n: number): UnionFind {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  return { find, join: (child, root) => void (parent[find(child)] = find(root)) };
}
