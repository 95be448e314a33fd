// Which of the source's declared page layouts (config/source-schema.ts, layouts) a URL is, and
// the selector lists to read it with: the layout's own where it names them, the source's
// otherwise. A video or live page then reads with what fits it, by a rule the source declares.
import type { PageLayout, SourceConfig } from '../../config/source-schema.js';

export interface LayoutReading {
  layout: PageLayout | null;
  extract: SourceConfig['extract'];
}

// Compiled once per source's layout list (configs live as long as the process).
const compiled = new WeakMap<readonly PageLayout[], RegExp[]>();

export function layoutReading(source: SourceConfig, url: string): LayoutReading {
  const layouts = source.layouts;
  if (layouts.length === 0) return { layout: null, extract: source.extract };
  let res = compiled.get(layouts);
  if (!res) {
    res = layouts.map((l) => new RegExp(l.urlPattern, 'u'));
    compiled.set(layouts, res);
  }
  const i = res.findIndex((re) => re.test(url));
  if (i < 0) return { layout: null, extract: source.extract };
  const layout = layouts[i]!;
  const own = Object.fromEntries(Object.entries(layout.extract).filter(([, v]) => v !== undefined));
  return { layout, extract: { ...source.extract, ...own } };
}
