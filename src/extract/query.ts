// Selector queries over one parsed page, as `$(selector)` answers them but cheaper.
// - Selectors are compiled once per process: `$(selector)` parses and compiles its selector on
//   every call (css-what, then css-select), and the sources' selectors are a fixed set read on
//   every page.
// - The page is walked once, not once per query: extraction asks dozens of questions of each
//   page (its source's selectors, drop lists, metadata), and each css-select query walks the
//   whole tree. On pages with a news site's chrome around the article (menus, teasers, footer)
//   those walks and the tests on every element were the article thread's largest cost (figures: BENCHMARKS.md, "Figures behind design choices"). The
//   walk lists the page's elements in document order and by tag name; a selector whose subject
//   names a tag (`h1.title-detail`, `meta[name="pubdate"]`) only tests elements of that tag.
// Extraction only ever removes elements, never adds them, so an element the walk listed and a
// query matched is in the answer if it is still attached to the page.
import type { CheerioAPI } from 'cheerio';
import { compile } from 'css-select';
import { isTraversal, parse as parseSelector } from 'css-what';
import type { AnyNode, Element } from 'domhandler';

interface CompiledQuery {
  test: (el: Element) => boolean;
  /** The tag names the selector's subjects must have; null when a subject may be any element. */
  tags: ReadonlySet<string> | null;
}

type Compiled = CompiledQuery | 'cheerio';

const compiled = new Map<string, Compiled>();

/** Subject tag of each comma-separated part (the compound after its last combinator), or null. */
function subjectTags(selector: string): Set<string> | null {
  const tags = new Set<string>();
  for (const part of parseSelector(selector)) {
    let lastCombinator = -1;
    part.forEach((token, i) => {
      if (isTraversal(token)) lastCombinator = i;
    });
    const tag = part.slice(lastCombinator + 1).find((token) => token.type === 'tag');
    if (!tag || tag.type !== 'tag') return null;
    tags.add(tag.name.toLowerCase());
  }
  return tags;
}

function compiledQuery(selector: string): Compiled {
  let q = compiled.get(selector);
  if (q === undefined) {
    try {
      q = { test: compile<AnyNode, Element>(selector), tags: subjectTags(selector) };
    } catch {
      // cheerio's own extensions (:first, :eq(n), …) are not CSS: cheerio reads those itself.
      q = 'cheerio';
    }
    compiled.set(selector, q);
  }
  return q;
}

interface PageIndex {
  root: AnyNode;
  /** Every element, in document order. */
  all: Element[];
  byTag: Map<string, Element[]>;
}

// The index of the page last queried. Extraction reads a page from start to end synchronously,
// so one slot is enough; a WeakMap of every page's index cost more garbage-collector work than
// it saved on small pages.
let last: PageIndex | undefined;

function indexOf(root: AnyNode): PageIndex {
  if (last?.root === root) return last;
  const all: Element[] = [];
  const byTag = new Map<string, Element[]>();
  // Depth first, in document order, without recursion: a malformed page can nest thousands deep.
  const stack: AnyNode[] = 'children' in root ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      all.push(node);
      const list = byTag.get(node.name);
      if (list) list.push(node);
      else byTag.set(node.name, [node]);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  last = { root, all, byTag };
  return last;
}

function attached(el: Element, root: AnyNode): boolean {
  let node: AnyNode = el;
  while (node.parent) node = node.parent;
  return node === root;
}

/** The elements of the page matching `selector`, in document order (as `$(selector)`). */
export function query($: CheerioAPI, selector: string): Element[] {
  const q = compiledQuery(selector);
  if (q === 'cheerio') return $(selector).toArray() as Element[];
  const root = $.root()[0]!;
  const { all, byTag } = indexOf(root);
  const out: Element[] = [];
  if (q.tags !== null && q.tags.size === 1) {
    for (const el of byTag.get(q.tags.values().next().value!) ?? []) if (q.test(el) && attached(el, root)) out.push(el);
  } else {
    const tags = q.tags;
    for (const el of all) if ((tags === null || tags.has(el.name)) && q.test(el) && attached(el, root)) out.push(el);
  }
  return out;
}
