// A page's publication date alone, read as extractArticle reads it (steps 1, 2 and 9 of
// extract-article.ts: the source's date selectors for the page's layout, then the page's
// metadata, in the outlet's zone when the text carries none). For a caller that needs only the
// date (a backfill walk deciding how far back to go) and leaves the extraction to the article job.
import { load } from 'cheerio/slim';
import type { SourceConfig } from '../../config/source-schema.js';
import { parseDateIso } from '../text/dates.js';
import { flattenDeepTree } from './flatten-depth.js';
import { layoutReading } from './page-layout.js';
import { readPageMetadata } from './page-metadata.js';
import { selectText } from './select.js';

export function readPageDate(html: string, url: string, source: SourceConfig): string | null {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  flattenDeepTree($.root()[0]!);
  const meta = readPageMetadata($);
  const { extract } = layoutReading(source, url, $);
  const selected = selectText($, extract.date);
  const fromSelector = selected ? parseDateIso(selected.value, source.timezone) : null;
  if (fromSelector) return fromSelector;
  return meta.published ? parseDateIso(meta.published, source.timezone) : null;
}
