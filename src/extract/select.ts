// Reading values out of a page through the source's selector lists: the first selector that
// yields non-empty text wins, and the caller learns which one (for `sources check` and logs).
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { SelectorSpec } from '../../config/source-schema.js';
import { cleanLine } from '../text/normalize.js';
import { query } from './query.js';

export interface Selected<T> {
  value: T;
  selector: string;
}

function describe(spec: SelectorSpec): string {
  if (typeof spec === 'string') return spec;
  return 'attr' in spec ? `${spec.selector}@${spec.attr}` : `${spec.selector}#${spec.json}`;
}

/** The first string value of `key` in a JSON document (depth-first through arrays and @graph). */
export function jsonValue(text: string, key: string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return '';
  }
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.shift();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      const v = (node as Record<string, unknown>)[key];
      if (typeof v === 'string' && v.trim()) return v;
      stack.push(...Object.values(node as Record<string, unknown>).filter((x) => x && typeof x === 'object'));
    }
  }
  return '';
}

/** First non-empty text (or attribute) among the specs. */
export function selectText($: CheerioAPI, specs: readonly SelectorSpec[]): Selected<string> | null {
  for (const spec of specs) {
    const sel = typeof spec === 'string' ? spec : spec.selector;
    for (const el of query($, sel)) {
      const raw =
        typeof spec === 'string'
          ? textOf(el)
          : 'attr' in spec
            ? ($(el).attr(spec.attr) ?? '')
            : jsonValue($(el).text(), spec.json);
      const value = cleanLine(raw);
      if (value) return { value, selector: describe(spec) };
    }
  }
  return null;
}

/** First element matched by any of the (element) specs that has some text. */
export function selectElements($: CheerioAPI, specs: readonly SelectorSpec[]): Selected<Element[]> | null {
  for (const spec of specs) {
    const sel = typeof spec === 'string' ? spec : spec.selector;
    const els = query($, sel).filter((el) => el.type === 'tag' && cleanLine(textOf(el)).length > 0);
    if (els.length > 0) return { value: els, selector: describe(spec) };
  }
  return null;
}

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Visible text of an element, with <br> read as a space (titles and leads are one line), without
 * the text of scripts and styles inside it. A walk over the tree: the page is not copied.
 */
export function textOf(node: AnyNode): string {
  if (!('children' in node)) return node.type === 'text' ? node.data : '';
  let out = '';
  const walk = (children: AnyNode[]): void => {
    for (const c of children) {
      if (c.type === 'text') out += c.data;
      else if ('children' in c) {
        if ('name' in c && (c.name === 'br' || NOT_TEXT.has(c.name))) {
          if (c.name === 'br') out += ' ';
          continue;
        }
        walk(c.children);
      }
    }
  };
  walk(node.children);
  return out;
}
