// Selectors compiled once per process. `$(selector)` parses and compiles its selector on every
// call (css-what, then css-select); the sources' selectors are a fixed set read on every page, and
// on the benchmark the repeated compiling was ~4 % of the article thread's CPU.
import type { CheerioAPI } from 'cheerio';
import { compile, selectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';

type Compiled = ((el: Element) => boolean) | 'cheerio';

const compiled = new Map<string, Compiled>();

function compiledQuery(selector: string): Compiled {
  let q = compiled.get(selector);
  if (q === undefined) {
    try {
      q = compile<AnyNode, Element>(selector);
    } catch {
      // cheerio's own extensions (:first, :eq(n), …) are not CSS: cheerio reads those itself.
      q = 'cheerio';
    }
    compiled.set(selector, q);
  }
  return q;
}

/** The elements of the page matching `selector`, in document order (as `$(selector)`). */
export function query($: CheerioAPI, selector: string): Element[] {
  const q = compiledQuery(selector);
  if (q === 'cheerio') return $(selector).toArray() as Element[];
  return selectAll<AnyNode, Element>(q, $.root().toArray());
}
