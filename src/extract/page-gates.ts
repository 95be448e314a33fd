// The last word on an extraction: a page with no title, too little body (saying so when the page
// looks like a JavaScript shell), or text that reads as mojibake is refused with the reason.
import type { CheerioAPI } from 'cheerio';
import { countGarble, describeGarble, isGarbled } from '../text/garbled-text.js';
import { cleanLine } from '../text/normalize.js';
import { joinedLength, MIN_BODY_CHARS } from './read-body.js';

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
): string | null {
  if (!article.title) return `no title found on ${url}`;
  const bodyChars = joinedLength(article.body) + (article.lead?.length ?? 0);
  if (article.body.length === 0 || bodyChars < MIN_BODY_CHARS) {
    const shell = looksLikeScriptShell($, html) ? ' (page looks like a JavaScript shell: set render: browser)' : '';
    return `no article body found on ${url}: ${bodyChars} characters${shell}`;
  }
  // The last gate against mojibake: a browser-rendered page was decoded by Chromium, not decodePage.
  const garble = countGarble(article.title, article.lead, ...article.body);
  if (isGarbled(garble)) return `text on ${url} looks wrongly decoded (${describeGarble(garble)}): not written`;
  return null;
}
