// A source's row on the dashboard says whether it works now: red, with the cause, what failed
// (HTML fetch, Chromium, robots.txt), the error's words, since when, and when it is tried again.
// A feed poll that failed says so beside its time, not "just now" as if it had read the feed.
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import type { SourceHealth } from '../../src/stats/pipeline-stats.js';
import { sourceState } from '../../src/stats/source-status.js';
import { causeWords } from '../../crawlers/failure-cause.js';
import { timeCell } from './html-parts.js';

/** CSS for failing rows, added to the page's style. */
export const SOURCE_HEALTH_STYLE = 'tr.failing{background:#fde8e8}tr.failing td.source-status{color:#b00}';

/** The row's class: "failing" while the source fails. */
export function sourceRowClass(h: SourceHealth): string {
  return sourceState(h).kind === 'failing' ? 'failing' : 'working';
}

/** The status cell: "failing since … — DNS lookup fails (robots.txt: …); tried again …", or "works". */
export function sourceStatusCell(h: SourceHealth, now: number): string {
  const s = sourceState(h);
  if (s.kind === 'ok')
    return s.lastSuccessAt
      ? `<td class="source-status">works <span class="muted">last read ${timeCell(s.lastSuccessAt, now)}</span></td>`
      : '<td class="source-status muted">not tried yet</td>';
  const retry = s.retryAt ? ` <span class="muted">tried again ${timeCell(s.retryAt, now)}</span>` : '';
  return `<td class="source-status" data-cause="${e(s.cause)}"><strong>failing</strong> since ${timeCell(s.since, now)}: ${e(causeWords(s.cause))} <span class="via">(${e(s.via)}: ${e(s.reason)})</span>${retry}</td>`;
}

/** The feed poll cell: when, whether it failed, and the next poll. */
export function feedPollCell(h: SourceHealth, now: number): string {
  if (!h.lastPollAt) return '<td class="feed-poll"><span class="muted">–</span></td>';
  const failed = h.lastPollFailed === '1' ? ' <span class="bad poll-failed">failed</span>' : '';
  const next = h.nextPollAt ? ` <span class="muted">next ${timeCell(h.nextPollAt, now)}</span>` : '';
  return `<td class="feed-poll">${timeCell(h.lastPollAt, now)}${failed}${next}</td>`;
}

/** A source's errors: failed article jobs, failed page fetches, and failed crawls and feed polls. */
export function errorCount(counters: { name: string; labels: string[]; value: number }[], sourceId: string): number {
  return counters
    .filter(
      (x) =>
        x.labels[0] === sourceId &&
        ((x.name === 'articles' && x.labels[1] === 'error') ||
          (x.name === 'pages_fetched' && x.labels[1] === 'error') ||
          x.name === 'source_failures'),
    )
    .reduce((a, x) => a + x.value, 0);
}
