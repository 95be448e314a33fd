// Server-rendered HTML for tinwatch's own dashboard pages: no client bundle to build or ship.
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import type { SelectorRot } from '../../src/stats/selector-rot.js';
import type { SourceHealth } from '../../src/stats/pipeline-stats.js';
import type { ManifestArticle } from './latest-articles.js';
import { exactTime, outletLink, partialMark, timeCell } from './html-parts.js';
import { feedPollCell, SOURCE_HEALTH_STYLE, sourceRowClass, sourceStatusCell } from './source-health.js';

export interface AlertRow {
  id: string;
  rule: string;
  channel: string;
  title: string;
  at: string;
  reason?: string;
}

export interface OverviewData {
  /** Stories written as borderline, newest first, with a person's mark if given. */
  borderline: (ManifestArticle & { mark: 'on' | 'off' | null })[];
  articles: (ManifestArticle & { storySize: number })[];
  sources: {
    id: string;
    name: string;
    health: SourceHealth;
    fallbacks: number;
    rot: SelectorRot;
    errors: number;
    paused: string[];
  }[];
  alertsSent: AlertRow[];
  alertsFailed: AlertRow[];
  /** Watch rule names, for their feeds. */
  rules: string[];
}

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.num{text-align:right}.bad{color:#b00}.muted{color:#777}nav a{margin-right:1rem}
pre{white-space:pre-wrap;max-width:48rem;font:15px/1.5 Georgia,serif}
mark{background:#ffe58a}.quote{color:#444;margin-top:.2rem}.paging a{margin-right:1rem}${SOURCE_HEALTH_STYLE}`;

/** Today's share of articles whose title or body fell back; flagged past PIPELINE.selectorRot. */
function rotCell(sourceId: string, rot: SelectorRot): string {
  if (rot.extracted === 0) return '<td class="muted">no articles today</td>';
  const figures = `${rot.fellBack} of ${rot.extracted} (${Math.round(rot.share * 100)} %)`;
  return rot.flagged
    ? `<td class="bad selector-rot">${figures}: selectors broken? run <code>tinwatch sources check ${e(sourceId)}</code></td>`
    : `<td>${figures}</td>`;
}

export function layout(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style></head>
<body><nav><a href="/">tinwatch</a><a href="/search">search</a><a href="/brief">briefing</a><a href="/skipped">skipped</a><a href="/accounting">accounting</a><a href="/queues">queues</a><a href="/metrics">metrics</a></nav>${body}</body></html>`;
}

export function overviewPage(d: OverviewData, now = Date.now()): string {
  const articles = d.articles.length
    ? d.articles
        .map(
          (
            a,
          ) => `<tr data-story="${e(a.id)}"><td><a class="article-link" href="/${e(a.file)}">${e(a.title)}</a></td><td>${e(a.outlet)}</td>
<td>${timeCell(a.published_at, now)}</td><td class="num"><a class="story-link" href="/story/${e(a.id)}">${a.storySize}</a></td><td>${e(a.matched_rules.join(', '))}</td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="5" class="muted">no articles written yet</td></tr>';
  const sources = d.sources
    .map(
      (
        s,
      ) => `<tr class="${sourceRowClass(s.health)}" data-source="${e(s.id)}"><td>${e(s.name)} <span class="muted">${e(s.id)}</span></td>${sourceStatusCell(s.health, now)}<td>${s.health.lastCrawlAt ? timeCell(s.health.lastCrawlAt, now) : 'never'}</td>
${feedPollCell(s.health, now)}
<td class="num">${e(s.health.lastNew ?? '–')}</td><td class="num">${s.fallbacks}</td>${rotCell(s.id, s.rot)}<td class="num ${s.errors ? 'bad' : ''}">${s.errors}</td>
<td class="${s.health.lastFailures ? 'bad' : 'muted'}">${e(s.health.lastFailures || 'none')}</td>
<td class="${s.health.lastError ? 'bad' : ''}">${e(s.health.lastError ?? '')}${s.health.lastError && s.health.lastErrorAt ? ` <span class="muted">${timeCell(s.health.lastErrorAt, now)}</span>` : ''}</td><td class="${s.paused.length ? 'bad' : 'muted'}">${s.paused.length ? e(s.paused.join(', ')) : 'none'}</td>
<td><form method="post" action="/sources/${e(s.id)}/crawl" style="display:inline"><button type="submit" class="crawl-now">crawl now</button></form></td></tr>`,
    )
    .join('\n');
  const alerts = (rows: AlertRow[], failed: boolean) =>
    rows.length
      ? rows
          .map(
            (r) =>
              `<tr><td>${e(r.rule)}</td><td>${e(r.channel)}</td><td>${e(r.title)}</td><td>${timeCell(r.at, now)}</td>${failed ? `<td class="bad">${e(r.reason ?? '')}</td>` : ''}</tr>`,
          )
          .join('\n')
      : `<tr><td colspan="${failed ? 5 : 4}" class="muted">none</td></tr>`;
  const markForm = (id: string, label: 'on' | 'off') =>
    `<form method="post" action="/relevance/mark" style="display:inline"><input type="hidden" name="id" value="${e(id)}"><input type="hidden" name="label" value="${label}"><button type="submit">${label}</button></form>`;
  const borderline = d.borderline.length
    ? d.borderline
        .map(
          (a) =>
            `<tr data-story="${e(a.id)}"><td><a href="/${e(a.file)}">${e(a.title)}</a></td><td>${e(a.outlet)}</td><td class="num">${e(String(a.relevance?.score ?? ''))}</td><td>${e(a.relevance?.reason ?? '')}</td><td class="mark">${a.mark ? e(a.mark) : `${markForm(a.id, 'on')} ${markForm(a.id, 'off')}`}</td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="5" class="muted">no borderline stories</td></tr>';
  return layout(
    'tinwatch',
    `<h1>tinwatch</h1>
<p id="feeds" class="muted">Feeds for a feed reader: every on-topic story (<a href="/feeds/all.atom">Atom</a>, <a href="/feeds/all.json">JSON Feed</a>); by watch rule: ${d.rules.map((r) => `${e(r)} (<a href="/feeds/rule-${e(r)}.atom">Atom</a>, <a href="/feeds/rule-${e(r)}.json">JSON</a>)`).join(', ')}.</p>
<h2 id="borderline">Borderline — on topic or not?</h2>
<p class="muted">Written, but near the relevance threshold. Your marks are exported by <code>tinwatch relevance marks</code> as labelled examples.</p>
<table id="borderline-stories"><tr><th>Title</th><th>Outlet</th><th class="num">Score</th><th>Why</th><th>Mark</th></tr>
${borderline}</table>
<h2>Latest articles</h2>
<table id="articles"><tr><th>Title</th><th>Outlet</th><th>Published</th><th class="num">Outlets carrying it</th><th>Matched rules</th></tr>
${articles}</table>
<h2>Sources</h2>
<table id="sources"><tr><th>Source</th><th>Status</th><th>Last crawl</th><th>Feed polled</th><th class="num">New last crawl</th><th class="num">Fallback extractions</th><th>Title/body fallbacks today</th><th class="num">Errors</th><th>Failed last crawl</th><th>Last error</th><th>Paused hosts</th><th></th></tr>
${sources}</table>
<h2>Alerts sent</h2>
<table id="alerts-sent"><tr><th>Rule</th><th>Channel</th><th>Story</th><th>At</th></tr>${alerts(d.alertsSent, false)}</table>
<h2>Alerts failed</h2>
<table id="alerts-failed"><tr><th>Rule</th><th>Channel</th><th>Story</th><th>At</th><th>Reason</th></tr>${alerts(d.alertsFailed, true)}</table>`,
  );
}

export function articlePage(file: string, text: string, entry: ManifestArticle | undefined): string {
  const meta = entry
    ? `<p class="muted">${e(entry.outlet)} · ${exactTime(entry.published_at)} · ${outletLink(entry.url)} · <a href="/story/${e(entry.id)}">every outlet that carried it</a>${partialMark(entry)} · <span class="file">${e(file)}</span></p>`
    : `<p class="muted file">${e(file)}</p>`;
  // The heading is the story's title: the file name is a detail for whoever archives it.
  const title = entry?.title ?? text.split('\n')[0] ?? file;
  return layout(title, `<h1>${e(title)}</h1>${meta}<pre id="article-text">${e(text)}</pre>`);
}
