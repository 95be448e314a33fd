// A page nested thousands of levels deep (a hostile one, or a broken template's unclosed <div>s)
// must not overflow the stack. htmlparser2 parses it without recursion, but the selector engine
// (css-select), domutils' textContent and cheerio's helpers recurse once per level: at ~5,000
// levels the article failed on every attempt. So right after parsing, every subtree past
// MAX_TREE_DEPTH is flattened into its ancestor at that depth: its nodes, in document order,
// become that ancestor's children (elements emptied of theirs). Text and its order are kept;
// only the nesting beyond the limit, which no real article has, is lost. Iterative throughout.
import type { AnyNode, Document, ParentNode } from 'domhandler';

export const MAX_TREE_DEPTH = 256;

const hasChildren = (n: AnyNode): n is AnyNode & ParentNode => 'children' in n && Array.isArray(n.children);

/** The nodes under `root`, in document order (root excluded). */
function descendantsInOrder(root: ParentNode): AnyNode[] {
  const out: AnyNode[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    out.push(node);
    if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Flattens, in place, every subtree deeper than `maxDepth`; returns how many nodes moved up. */
export function flattenDeepTree(root: Document | ParentNode, maxDepth = MAX_TREE_DEPTH): number {
  let moved = 0;
  const stack: { node: AnyNode; depth: number }[] = [{ node: root as AnyNode, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!hasChildren(node)) continue;
    if (depth < maxDepth) {
      for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    if (!node.children.some(hasChildren)) continue;
    const flat = descendantsInOrder(node);
    moved += flat.length - node.children.length;
    for (let i = 0; i < flat.length; i++) {
      const n = flat[i]!;
      if (hasChildren(n)) n.children = [];
      n.parent = node;
      n.prev = flat[i - 1] ?? null;
      n.next = flat[i + 1] ?? null;
    }
    node.children = flat;
  }
  return moved;
}
