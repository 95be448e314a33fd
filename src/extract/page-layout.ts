// Which of the source's declared page layouts (config/source-schema.ts, layouts) a page is, and
// the selector lists to read it with: the layout's own where it names them, the source's
// otherwise. A layout is told by its URL, by an element only its pages carry (a live page's
// wrapper, an emagazine's body class), or both; the first that fits wins. A video, live or
// long-form page then reads with what fits it, by a rule the source declares.
import type { CheerioAPI } from 'cheerio';
import type { PageLayout, SourceConfig } from '../../config/source-schema.js';
import { query } from './query.js';

export interface LayoutReading {
  layout: PageLayout | null;
  extract: SourceConfig['extract'];
}

// Compiled once per source's layout list (configs live as long as the process).
const compiled = new WeakMap<readonly PageLayout[], (RegExp | null)[]>();

/**
 * The layout `url` (and, for layouts told by their markup, the parsed page `$`) is. Without `$`
 * only layouts told by their URL alone can match.
 */
export function layoutReading(source: SourceConfig, url: string, $?: CheerioAPI): LayoutReading {
  const layouts = source.layouts;
  if (layouts.length === 0) return { layout: null, extract: source.extract };
  let res = compiled.get(layouts);
  if (!res) {
    res = layouts.map((l) => (l.urlPattern === undefined ? null : new RegExp(l.urlPattern, 'u')));
    compiled.set(layouts, res);
  }
  const patterns = res;
  const fits = (l: PageLayout, i: number): boolean =>
    (patterns[i]?.test(url) ?? true) &&
    (l.marker === undefined || ($ !== undefined && l.marker.some((sel) => query($, sel).length > 0)));
  const layout = layouts.find(fits);
  if (!layout) return { layout: null, extract: source.extract };
  const own = Object.fromEntries(Object.entries(layout.extract).filter(([, v]) => v !== undefined));
  return { layout, extract: { ...source.extract, ...own } };
}
