// Small HTML pieces the dashboard's pages share. Times: one zone, Asia/Ho_Chi_Minh with its
// offset, whatever zone the outlet or the server wrote; relative ("3 h ago") where people scan a
// list, the exact time on hover. Links to outlets: only http(s) addresses become links (a page's
// URL is outlet-controlled text). Highlights and paging as every page draws them.
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import { markRanges, type AlertMatch } from '../../src/match/match-sentence.js';
import { relativeTime, vietnamTime } from '../../src/text/vietnam-time.js';

/** A time as people read it: "3 h ago" with the exact Vietnam time on hover. */
export function timeCell(at: string | null | undefined, now: number): string {
  if (!at) return '<span class="muted">–</span>';
  return `<time datetime="${e(at)}" title="${e(vietnamTime(at))}">${e(relativeTime(at, now))}</time>`;
}

/** The exact Vietnam time, for pages where the time itself is the point (a story's carriers). */
export function exactTime(at: string | null | undefined): string {
  return at ? `<time datetime="${e(at)}">${e(vietnamTime(at))}</time>` : '<span class="muted">–</span>';
}

/** A link to an outlet's page, or the text alone when the address is not http(s). */
export function outletLink(url: string, text: string = url): string {
  return /^https?:\/\//i.test(url) ? `<a href="${e(url)}" rel="noreferrer">${e(text)}</a>` : e(text);
}

/** The sentence a rule matched in, its field named and the matched words in <mark>. */
export function quoteHtml(match: AlertMatch): string {
  return `<div class="quote">${e(match.field)}: ${markRanges(
    match,
    (s) => `<mark>${e(s)}</mark>`,
    (s) => e(s),
  )}</div>`;
}

/** "← newer · older →" links between pages of a newest-first list; `href(n)` is page n's address. */
export function pagingNav(page: number, more: boolean, href: (n: number) => string): string {
  const links = [
    page > 1 ? `<a class="page-link" href="${e(href(page - 1))}">← newer</a>` : '',
    more ? `<a class="page-link" href="${e(href(page + 1))}">older →</a>` : '',
  ];
  return `<p class="paging">${links.filter(Boolean).join(' · ')}</p>`;
}

/**
 * " · partial" when the manifest line says the article's body was not found (title and lead
 * only), so a reader knows the text is not the whole story; empty otherwise.
 */
export function partialMark(entry: object): string {
  const ex = (entry as { extraction?: { partial?: unknown } }).extraction;
  return ex?.partial === true
    ? ` · <span class="partial" title="the body was not found: title and lead only">partial</span>`
    : '';
}
