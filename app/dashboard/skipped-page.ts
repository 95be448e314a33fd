// The off-topic articles the relevance step dropped (never written), with its reason and score,
// and a "this was on topic" mark per article: a threshold set too high shows up here, and the
// marks become labelled examples for the relevance evaluation (`tinwatch relevance marks`).
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import type { SkippedArticle } from '../../pipeline/article/skipped-articles.js';
import { layout } from './dashboard-pages.js';
import { outletLink, pagingNav, timeCell } from './html-parts.js';

export function skippedPage(
  items: (SkippedArticle & { mark: 'on' | 'off' | null })[],
  page: { number: number; more: boolean },
  now: number,
): string {
  const rows = items
    .map(
      (
        s,
      ) => `<tr data-skipped="${e(s.id)}"><td>${outletLink(s.url, s.title)}</td><td>${e(s.source_id)}</td><td>${timeCell(s.at, now)}</td>
<td class="num">${e(s.score.toFixed(2))}</td><td>${e(s.reason ?? s.top_terms.join(', '))}</td>
<td class="mark">${
        s.mark
          ? `marked ${e(s.mark)}`
          : `<form method="post" action="/skipped/mark" style="display:inline"><input type="hidden" name="id" value="${e(s.id)}"><input type="hidden" name="label" value="on"><button type="submit" class="mark-on">this was on topic</button></form>`
      }</td></tr>`,
    )
    .join('\n');
  return layout(
    'tinwatch: skipped',
    `<h1>Skipped as off topic</h1>
<p class="muted">Fetched, read and judged off topic, so not written (the last 1,000). A mark is kept as a labelled
example: <code>tinwatch relevance marks</code> exports them for <code>npm run eval:relevance -- --marks FILE</code>.</p>
<table id="skipped"><tr><th>Title</th><th>Source</th><th>Skipped</th><th class="num">Score</th><th>Why</th><th>Mark</th></tr>
${rows || '<tr><td colspan="6" class="muted">nothing skipped yet</td></tr>'}</table>
${pagingNav(page.number, page.more, (n) => `/skipped?page=${n}`)}`,
  );
}
