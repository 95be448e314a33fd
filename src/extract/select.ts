// Reading values out of a page through the source's selector lists: the first selector that
// yields non-empty text wins, and the caller learns which one (for `sources check` and logs).
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { SelectorSpec } from '../../config/source-schema.js';
import { cleanLine } from '../text/normalize.js';

export interface Selected<T> {
  value: T;
  selector: string;
}

function describe(spec: SelectorSpec): string {
  return typeof spec === 'string' ? spec : `${spec.selector}@${spec.attr}`;
}

/** First non-empty text (or attribute) among the specs. */
export function selectText($: CheerioAPI, specs: readonly SelectorSpec[]): Selected<string> | null {
  for (const spec of specs) {
    const sel = typeof spec === 'string' ? spec : spec.selector;
    for (const el of $(sel).toArray()) {
      const raw = typeof spec === 'string' ? textOf($, el) : ($(el).attr(spec.attr) ?? '');
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
    const els = $(sel)
      .toArray()
      .filter((el): el is Element => el.type === 'tag' && cleanLine(textOf($, el)).length > 0);
    if (els.length > 0) return { value: els, selector: describe(spec) };
  }
  return null;
}

/** Visible text of an element, with <br> read as a space (titles and leads are one line). */
export function textOf($: CheerioAPI, node: AnyNode): string {
  const clone = $(node).clone();
  clone.find('br').replaceWith(' ');
  clone.find('script,style,noscript,template').remove();
  return clone.text();
}
