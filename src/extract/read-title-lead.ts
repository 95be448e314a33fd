// Title and lead (sapo): the source's selectors, then what the page's metadata says where the
// page prints it, then the printed headline.
import type { CheerioAPI } from 'cheerio';
import type { SourceConfig } from '../../config/source-schema.js';
import { cleanLine } from '../text/normalize.js';
import { byFallback, bySelector, firstCandidate, type FieldPick } from './first-candidate.js';
import type { PageMetadata } from './page-metadata.js';
import { findPrinted, isSapo, metadataText, type PrintedBlock } from './printed-metadata.js';
import { query } from './query.js';
import { selectText } from './select.js';

export function readTitle($: CheerioAPI, ex: SourceConfig['extract'], meta: PageMetadata): FieldPick<string> | null {
  // The headline as the page prints it: the <h1> when the metadata title names it (metadata may
  // carry undecoded entities or " - Site name"), else the metadata title, else the <h1>.
  const h1 = (): string => cleanLine($(query($, 'h1')[0]).text());
  const metaTitle = (): string => (meta.title ? metadataText(meta.title) : '');
  const same = (a: string, b: string): boolean => a.toLowerCase().startsWith(b.toLowerCase());
  return firstCandidate(
    bySelector(selectText($, ex.title)),
    byFallback('h1', () => {
      const [h, m] = [h1(), metaTitle()];
      return h && m && (same(m, h) || same(h, m)) ? h : null;
    }),
    byFallback('metadata', metaTitle),
    byFallback('h1', () => h1() || cleanLine($(query($, 'title')[0]).text())),
  );
}

export function readLead(
  $: CheerioAPI,
  ex: SourceConfig['extract'],
  meta: PageMetadata,
  printed: () => PrintedBlock[],
): FieldPick<string> | null {
  // The description is the lead when the page prints it as its sapo; a source that names lead
  // selectors takes it even unprinted (its outlet's sapo and description are the same text).
  // A description printed elsewhere (a teaser, a standfirst outside the article) is not the lead.
  const description = meta.description;
  return firstCandidate(
    bySelector(selectText($, ex.lead)),
    byFallback('printed description', () =>
      description ? findPrinted(printed(), description, { prefix: true, accept: isSapo }) : null,
    ),
    byFallback('metadata', () => (description && ex.lead.length > 0 ? metadataText(description) : null)),
  );
}

/**
 * A sapo the page prints with no description to name it: a line the page marks as the sapo,
 * between the headline and the body's first line (teasers elsewhere may be marked alike).
 */
export function printedSapo(blocks: PrintedBlock[], firstBodyLine: string): FieldPick<string> | null {
  const h1At = blocks.findIndex((b) => b.el.name === 'h1');
  const bodyAt = blocks.findIndex((b) => b.text === firstBodyLine);
  const sapo = blocks.find((b, i) => i > h1At && (bodyAt < 0 || i <= bodyAt) && b.text.length >= 40 && isSapo(b.el));
  return sapo ? { value: sapo.text, via: 'fallback:printed sapo', fallback: true } : null;
}
