// Article extraction: HTML and URL in, a typed result out (pure). Named stages, in order:
//   1. parse            htmlparser2 (cheerio/slim) and the page's metadata (page-metadata.ts);
//                       the source's page layout for this URL or markup, if it declares one
//                       (page-layout.ts)
//   2. early reads      date, author, section and credit selectors, before step 3 can drop them
//   3. drop             scripts, navigation, forms, the source's drop selectors (page-cleaning.ts)
//   4. title, lead      selectors → metadata where printed → printed headline (read-title-lead.ts)
//   5. body             selectors → densest prose block → schema.org articleBody (read-body.ts)
//   6. clean body       boilerplate, echoes of title/lead, a body printed twice (clean-body.ts);
//                       too little prose: the story its photo captions tell (read-captions.ts)
//   7. printed sapo     a lead the page marks, between headline and body, when none was found
//   8. credit           selector → credit pattern → printed author / byline (read-credit.ts)
//   9. date, author, section   selectors → metadata
//  10. gates            no title, too short, mojibake: refused with the reason (page-gates.ts);
//                       an article page whose body is not found but whose title and lead are is
//                       kept, marked partial, rather than lost
// Every field records which candidate won (first-candidate.ts), so a selector that stopped
// matching shows up as a fallback in logs, metrics and `tinwatch sources check`.
// The slim entry loads htmlparser2 only; the full one also loads parse5 and undici, which this
// never uses, and costs each article worker thread that much more to start.
import { load } from 'cheerio/slim';
import { flattenDeepTree } from './flatten-depth.js';
import type { SourceConfig } from '../../config/source-schema.js';
import { parseDateIso } from '../text/dates.js';
import { cleanBody } from './clean-body.js';
import { byFallback, bySelector, FieldLog, firstCandidate, type ExtractField } from './first-candidate.js';
import { layoutReading } from './page-layout.js';
import { readPageMetadata } from './page-metadata.js';
import { dropNonArticle } from './page-cleaning.js';
import { bodyTooShort, refusal, standsAsPartial } from './page-gates.js';
import { printedBlocks, type PrintedBlock } from './printed-metadata.js';
import { readBody } from './read-body.js';
import { captionStory } from './read-captions.js';
import { readCredit, withoutCredit } from './read-credit.js';
import { printedSapo, readLead, readTitle } from './read-title-lead.js';
import { selectText } from './select.js';

export type { ExtractField };

export interface ExtractedArticle {
  title: string;
  lead: string | null;
  paragraphs: string[];
  credit: string | null;
  publishedAt: string | null;
  author: string | null;
  section: string | null;
  /** rel=canonical / og:url as the page states it, if any. */
  canonicalHint: string | null;
  /** The selector that produced each field, `fallback:<kind>` for generic fallbacks, null if none. */
  matched: Record<ExtractField, string | null>;
  fallbacks: ExtractField[];
  /** The body was not found: title, lead (and what else was) only, kept rather than lost. */
  partial: boolean;
  /** The source's page layout the URL matched (video, live…), or null for its usual article. */
  layout: string | null;
}

export type ExtractResult = { ok: true; article: ExtractedArticle } | { ok: false; reason: string };

// Compiled once per source's pattern list (the config objects live as long as the process).
const compiled = new WeakMap<readonly string[], RegExp[]>();

function compile(patterns: readonly string[]): RegExp[] {
  let res = compiled.get(patterns);
  if (!res) {
    res = patterns.map((p) => new RegExp(p, 'iu'));
    compiled.set(patterns, res);
  }
  return res;
}

/** A source with no selectors at all: the generic reading of a page (genericSource). */
function hasNoSelectors(ex: SourceConfig['extract']): boolean {
  return Object.values(ex).every((list) => list.length === 0);
}

export function extractArticle(html: string, url: string, source: SourceConfig): ExtractResult {
  // 1. htmlparser2 in HTML mode rather than parse5: faster, and it builds no implied elements
  // (<tbody>…), so source selectors cannot depend on elements a page does not write itself.
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  // Before any selector or text walk: nesting past MAX_TREE_DEPTH would overflow their recursion.
  flattenDeepTree($.root()[0]!);
  const meta = readPageMetadata($);
  const { layout, extract: ex } = layoutReading(source, url, $);
  const log = new FieldLog();
  // 2. Dates and credits sometimes live in elements the drop list removes (a date in the sapo).
  const dateSel = selectText($, ex.date);
  const authorSel = selectText($, ex.author);
  const sectionSel = selectText($, ex.section);
  const creditSel = selectText($, ex.credit);
  // 3.
  dropNonArticle($, ex.drop);
  let printed: PrintedBlock[] | null = null;
  const printedOnPage = (): PrintedBlock[] => (printed ??= printedBlocks($));
  // 4–6.
  const title = log.take('title', readTitle($, ex, meta)) ?? '';
  let lead = log.take('lead', readLead($, ex, meta, printedOnPage));
  let body = cleanBody(log.take('body', readBody($, ex, meta)) ?? [], title, lead, compile(ex.dropText));
  if (bodyTooShort(body.lines, lead)) {
    const story = cleanBody(captionStory(html, ex) ?? [], title, lead, compile(ex.dropText));
    if (!bodyTooShort(story.lines, lead)) {
      log.take('body', { value: story.lines, via: 'fallback:captions', fallback: true });
      body = story;
    }
  }
  // 7.
  if (lead === null && body.lines.length > 0) {
    lead = log.take('lead', printedSapo(printedOnPage(), body.lines[0]!));
    if (lead !== null && body.lines[0] === lead) body = { lines: body.lines.slice(1), keys: body.keys.slice(1) };
  }
  // 8.
  const readAsGeneric = hasNoSelectors(ex);
  const credit = log.take(
    'credit',
    readCredit(body, creditSel, compile(ex.creditPattern), readAsGeneric, meta, printedOnPage),
  );
  body = withoutCredit(body, credit);
  // 9. Read in the outlet's zone when the text carries none.
  const publishedAt = log.take(
    'date',
    firstCandidate(
      bySelector(dateSel ? { value: parseDateIso(dateSel.value, source.timezone), selector: dateSel.selector } : null),
      byFallback('metadata', () => (meta.published ? parseDateIso(meta.published, source.timezone) : null)),
    ),
  );
  const author = log.take(
    'author',
    firstCandidate(
      bySelector(authorSel),
      byFallback('metadata', () => meta.author),
    ),
  );
  const section = log.take(
    'section',
    firstCandidate(
      bySelector(sectionSel),
      byFallback('metadata', () => meta.section),
    ),
  );
  // 10.
  const partial =
    bodyTooShort(body.lines, lead) && (standsAsPartial(meta, title, lead) || (layout?.bodyOptional === true && !!lead));
  const refused = refusal($, html, url, { title, lead, body: body.lines }, partial);
  if (refused) return { ok: false, reason: refused };
  return {
    ok: true,
    article: {
      title,
      lead,
      paragraphs: body.lines,
      credit: credit?.text ?? null,
      publishedAt,
      author,
      section,
      canonicalHint: meta.canonical ?? null,
      matched: log.matched,
      fallbacks: log.fallbacks,
      partial,
      layout: layout?.name ?? null,
    },
  };
}
