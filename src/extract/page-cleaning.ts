// What is removed from every page before reading: elements that are never article text on any
// outlet, forms (search boxes, newsletters, comments), and the source's own drop selectors.
import type { CheerioAPI } from 'cheerio';
import { descendantsNamed } from './dom-walk.js';
import { query } from './query.js';

const ALWAYS_DROP = 'script, style, noscript, template, iframe, svg, button, nav';

/**
 * Forms are search boxes, newsletters and comment boxes, except the one an ASP.NET page wraps
 * around everything: a form holding the headline or article prose stays.
 */
const HEADLINE_OR_ARTICLE = new Set(['h1', 'article']);
const PARAGRAPH = new Set(['p']);

function dropForms($: CheerioAPI): void {
  for (const form of query($, 'form')) {
    if (descendantsNamed(form, HEADLINE_OR_ARTICLE).length === 0 && descendantsNamed(form, PARAGRAPH).length < 3)
      $(form).remove();
  }
}

export function dropNonArticle($: CheerioAPI, sourceDrop: readonly string[]): void {
  $(query($, ALWAYS_DROP)).remove();
  dropForms($);
  for (const sel of sourceDrop) $(query($, sel)).remove();
}
