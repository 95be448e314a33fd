// The briefing as one self-contained HTML page: inline style, inline SVG, no script, no image or
// stylesheet fetched, so the same bytes work as a file, in a mail and on the dashboard.
import { escapeHtml as e } from '../alert/alert-content.js';
import { vietnamTime } from '../text/vietnam-time.js';
import type { Brief, BriefThread } from './brief-model.js';
import { coverageChartSvg } from './coverage-chart.js';
import {
  TIMELINE_STYLE,
  headlineStory,
  storyLink,
  threadSummary,
  timelineHtml,
  timelineOf,
  type LinkMode,
} from './thread-timeline.js';

/** Threads drawn with their whole timeline; the rest of the day's threads are one line each. */
export const THREADS_IN_FULL = 25;

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;color:#111}h1{font-size:1.5em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}.muted{color:#666}.thread{margin:.8em 0 1.2em}.thread h3{margin:.2em 0;font-size:1.1em}.badge{font-size:.8em;background:#c33;color:#fff;border-radius:3px;padding:0 .3em;margin-left:.4em}table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #eee;text-align:left;vertical-align:top}tr.failing td{color:#b00}${TIMELINE_STYLE}`;

export interface RenderOptions {
  links: LinkMode;
  /** The watch rule the brief was narrowed to, if any. */
  rule?: string;
}

export function renderBrief(b: Brief, opts: RenderOptions): string {
  const full = b.threads.slice(0, THREADS_IN_FULL);
  const rest = b.threads.slice(THREADS_IN_FULL);
  const failing = b.sources.filter((s) => s.kind === 'failing').length;
  const silent = b.sources.length - failing;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>tinwatch briefing ${e(b.day)}</title><style>${STYLE}</style></head>
<body data-day="${e(b.day)}">
<h1>tinwatch briefing: ${e(b.day)}</h1>
<p class="muted" id="brief-summary">${b.threads.length} thread${b.threads.length === 1 ? '' : 's'} active, ${b.newThreads.length} new · ${b.borderline.length} borderline stor${b.borderline.length === 1 ? 'y' : 'ies'} waiting · ${failing} source${failing === 1 ? '' : 's'} failing, ${silent} silent of ${b.sourceCount}${opts.rule ? ` · rule <code>${e(opts.rule)}</code> only` : ''} · built ${e(vietnamTime(b.builtAt))}</p>
<h2>Threads of the day</h2>
<p class="muted">Ranked by the outlets that carried them, then follow-ups and other reports. Days are Vietnam days; times are Vietnam time.</p>
${b.threads.length ? `<ol id="threads">${full.map((t, i) => threadItem(t, i + 1, b, opts.links)).join('\n')}</ol>` : '<p class="muted" id="threads">no story reported on this day</p>'}
${rest.length ? `<ul id="more-threads">${rest.map((t) => `<li data-thread="${e(t.thread.id)}">${storyLink(opts.links, headlineStory(t.thread))} <span class="muted">${e(threadSummary(t.thread))}</span></li>`).join('')}</ul>` : ''}
<h2>New threads</h2>
${b.newThreads.length ? `<ul id="new-threads">${b.newThreads.map((t) => `<li data-thread="${e(t.thread.id)}">${e(headlineStory(t.thread).outlet)}: ${storyLink(opts.links, headlineStory(t.thread))} <span class="muted">${e(vietnamTime(t.thread.firstReportAt))}</span></li>`).join('')}</ul>` : '<p class="muted" id="new-threads">no new thread on this day</p>'}
<h2>Coverage, 14 days</h2>
<p class="muted">Pages carried per outlet per day (stories written and copies of them; borderline stories not counted). The shaded column is ${e(b.day)}.</p>
<figure id="coverage">${coverageChartSvg(b.coverage)}</figure>
<h2>Borderline stories waiting for a judgement</h2>
${borderlineHtml(b, opts.links)}
<h2>Sources failing or silent</h2>
${sourcesHtml(b)}
</body></html>
`;
}

function threadItem(t: BriefThread, rank: number, b: Brief, links: LinkMode): string {
  const th = t.thread;
  const head = headlineStory(th);
  const title = links === 'dashboard' ? `<a href="/thread/${e(th.id)}">${e(head.title)}</a>` : storyLink(links, head);
  return `<li class="thread" id="thread-${e(th.id)}" data-thread="${e(th.id)}" data-rank="${rank}" data-outlets="${th.outlets.length}" data-follow-ups="${th.followUps}"><h3>${title}${t.isNew ? '<span class="badge">new</span>' : ''}</h3>
<p class="muted">${e(threadSummary(th))} · ${t.outletsToday} outlet${t.outletsToday === 1 ? '' : 's'} on ${e(b.day)} · first: ${e(timelineOf(th)[0]?.outlet ?? head.outlet)}</p>
${timelineHtml(th, b.leads, links)}</li>`;
}

function borderlineHtml(b: Brief, links: LinkMode): string {
  const older = b.olderBorderline ? `<p class="muted">and ${b.olderBorderline} older than 14 days</p>` : '';
  if (!b.borderline.length) return `<p class="muted" id="borderline">none waiting</p>${older}`;
  const rows = b.borderline.map(
    (s) =>
      `<li data-id="${e(s.id)}">${e(s.outlet)}: ${storyLink(links, s)} <span class="muted">${e(vietnamTime(s.reported_at))}${s.score === null ? '' : ` · score ${e(String(s.score))}`}${s.reason ? ` · ${e(s.reason)}` : ''}</span></li>`,
  );
  const where = links === 'dashboard' ? ' Mark them on the <a href="/">dashboard</a>.' : ' Mark them on the dashboard.';
  return `<p class="muted">Written and flagged: just under the topic threshold.${where}</p><ul id="borderline">${rows.join('')}</ul>${older}`;
}

function sourcesHtml(b: Brief): string {
  if (!b.sources.length)
    return `<p class="muted" id="sources">all ${b.sourceCount} sources work and carried stories</p>`;
  const rows = b.sources.map(
    (s) =>
      `<tr class="${s.kind}" data-source="${e(s.source_id)}"><td>${e(s.name)}</td><td>${s.kind}</td><td>${e(s.detail)}</td><td>${e(s.since ? vietnamTime(s.since) : '–')}</td></tr>`,
  );
  return `<table id="sources"><thead><tr><th>source</th><th>state</th><th>why</th><th>since</th></tr></thead><tbody>${rows.join('')}</tbody></table><p class="muted">Failing as of ${e(vietnamTime(b.builtAt))}; silent: no story or copy for ${b.silentDays} days up to the day's end.</p>`;
}
