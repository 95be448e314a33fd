// The last word on an extraction: a page with no title, too little body (saying so when the page
// looks like a JavaScript shell), or text that reads as mojibake is refused with the reason. An
// article page whose body alone is missing, with its title and a real lead, is not refused: it is
// written marked partial (standsAsPartial), so the story is never lost without a trace.
import type { CheerioAPI } from 'cheerio';
import { countGarble, describeGarble, isGarbled } from '../text/garbled-text.js';
import { cleanLine } from '../text/normalize.js';
import type { PageMetadata } from './page-metadata.js';
import { joinedLength, MIN_BODY_CHARS } from './read-body.js';

/** A lead shorter than this is a teaser line, not enough to keep an article by. */
const MIN_PARTIAL_LEAD_CHARS = 60;

/** Whether the body is too little to be one. */
export function bodyTooShort(body: readonly string[], lead: string | null): boolean {
  return body.length === 0 || joinedLength(body) + (lead?.length ?? 0) < MIN_BODY_CHARS;
}

/**
 * Whether a page without a body is still an article to keep: the page says it is one (JSON-LD
 * article type or og:type article) and gives a title and a lead of some length. A listing, an
 * error page or a script shell says no such thing and is refused as before.
 */
export function standsAsPartial(meta: PageMetadata, title: string, lead: string | null): boolean {
  return meta.isArticle === true && title.length > 0 && (lead?.length ?? 0) >= MIN_PARTIAL_LEAD_CHARS;
}

/** Heuristic shell detection: pages that need JavaScript to show their text. */
function looksLikeScriptShell($: CheerioAPI, html: string): boolean {
  const body = $('body');
  const text = cleanLine(body.length > 0 ? body.text() : $.root().text());
  return text.length < 80 && /<script/i.test(html);
}

/** Why the page is refused, or null when it passes. */
export function refusal(
  $: CheerioAPI,
  html: string,
  url: string,
  article: { title: string; lead: string | null; body: readonly string[] },
  /** The body is missing but the page stands as a partial article (standsAsPartial). */
  partial = false,
): string | null {
  if (!article.title) return `no title found on ${url}`;
  const bodyChars = joinedLength(article.body) + (article.lead?.length ?? 0);
  if (!partial && bodyTooShort(article.body, article.lead)) {
    const shell = looksLikeScriptShell($, html) ? ' (page looks like a JavaScript shell: set render: browser)' : '';
    return `no article body found on ${url}: ${bodyChars} characters${shell}`;
  }
  // The last gate against mojibake: a browser-rendered page was decoded by Chromium, not decodePage.
  const garble = countGarble(article.title, article.lead, ...article.body);
  if (isGarbled(garble)) return `text on ${url} looks wrongly decoded (${describeGarble(garble)}): not written`;
  return null;
}
