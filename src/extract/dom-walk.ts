// Walks over a subtree without cheerio's `.find()`: cheerio starts a find from the element's
// children and de-duplicates them pairwise, so `$(el).find('a')` on an element with tens of
// thousands of children (a hostile page of one-line paragraphs) is quadratic. These are linear.
import type { AnyNode, Element } from 'domhandler';

/** The elements under `root` (not `root` itself) whose lower-case tag name is in `names`, in document order. */
export function descendantsNamed(root: AnyNode, names: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = 'children' in root ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'tag' && names.has(node.name.toLowerCase())) out.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** The text of every text node under `root`, joined as cheerio's `.text()` joins it. */
export function textUnder(root: AnyNode): string {
  if (root.type === 'text') return root.data;
  let out = '';
  const stack: AnyNode[] = 'children' in root ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') out += node.data;
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

const ANCHOR = new Set(['a']);

/** The text inside links under `root` (links inside links counted once). */
export function linkTextUnder(root: AnyNode): string {
  let out = '';
  for (const a of descendantsNamed(root, ANCHOR)) {
    let nested = false;
    for (let n = a.parent; n && n !== root; n = n.parent)
      if (n.type === 'tag' && n.name.toLowerCase() === 'a') nested = true;
    if (!nested) out += textUnder(a);
  }
  return out;
}
