// A thread as the briefing (and the thread page) draws it: its headline, what it amounts to, and
// the timeline — who reported first, which outlet picked it up when, each follow-up with its lead.
import { escapeHtml as e } from '../alert/alert-content.js';
import { vietnamTime } from '../text/vietnam-time.js';
import { reportedAt, timeOf, type StoryThread, type ThreadRole } from '../thread/thread-types.js';

/** Where a story's headline links: its page on the dashboard, or the outlet's page (a mailed file). */
export type LinkMode = 'dashboard' | 'outlet';

interface TimelineEntry {
  at: string | null;
  outlet: string;
  what: ThreadRole | 'copy';
  id: string;
  title: string | null;
  url: string;
}

const WHAT: Record<TimelineEntry['what'], string> = {
  first: 'first report',
  copy: 'copy',
  'follow-up': 'follow-up',
  'same-event': 'own report',
};

/**
 * Every report of the thread, oldest first: stories and their copies. The oldest is the first
 * report, whichever story the workers happened to claim first (the thread's root); the other
 * stories are follow-ups or other outlets' own reports.
 */
export function timelineOf(t: StoryThread): TimelineEntry[] {
  const entries = t.stories
    .flatMap((s): TimelineEntry[] => [
      { at: reportedAt(s), outlet: s.outlet, what: s.role, id: s.id, title: s.title, url: s.url },
      ...s.copies.map((c) => ({
        at: reportedAt(c),
        outlet: c.outlet,
        what: 'copy' as const,
        id: c.id,
        title: null,
        url: c.url,
      })),
    ])
    .sort((a, b) => timeOf(a.at) - timeOf(b.at));
  return entries.map((x, i): TimelineEntry => {
    if (i === 0) return { ...x, what: 'first' };
    return x.what === 'first' ? { ...x, what: 'same-event' } : x;
  });
}

/** The story a thread is headed by: the earliest reported one (its copies aside). */
export function headlineStory(t: StoryThread): StoryThread['stories'][number] {
  return [...t.stories].sort((a, b) => timeOf(reportedAt(a)) - timeOf(reportedAt(b)))[0] ?? t.root;
}

/** The counts in words: "5 outlets · 2 follow-ups · 1 other report · 3 copies" (none left out). */
export function threadSummary(t: StoryThread): string {
  const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;
  const parts = [n(t.outlets.length, 'outlet', 'outlets')];
  if (t.followUps) parts.push(n(t.followUps, 'follow-up', 'follow-ups'));
  if (t.sameEvent) parts.push(n(t.sameEvent, 'other report', 'other reports'));
  if (t.copies) parts.push(n(t.copies, 'copy', 'copies'));
  return parts.join(' · ');
}

export function storyLink(mode: LinkMode, s: { id: string; url: string; title: string }): string {
  const href = mode === 'dashboard' ? `/story/${e(s.id)}` : e(s.url);
  return `<a href="${href}">${e(s.title)}</a>`;
}

/** The timeline as an ordered list; `leads` holds follow-ups' leads by story id. */
export function timelineHtml(t: StoryThread, leads: Readonly<Record<string, string>>, mode: LinkMode): string {
  const rows = timelineOf(t).map((x) => {
    const head =
      x.title === null
        ? `<a href="${e(x.url)}" class="outlet-page">${e(x.outlet)}</a>`
        : `${e(x.outlet)}: ${storyLink(mode, { id: x.id, url: x.url, title: x.title })}`;
    const lead = x.what !== 'first' && x.title !== null && leads[x.id] ? `<p class="lead">${e(leads[x.id]!)}</p>` : '';
    return `<li class="report ${x.what}" data-role="${x.what}" data-outlet="${e(x.outlet)}"><time datetime="${e(x.at ?? '')}">${e(vietnamTime(x.at) || 'time unknown')}</time> <span class="role">${WHAT[x.what]}</span> ${head}${lead}</li>`;
  });
  return `<ol class="timeline">${rows.join('')}</ol>`;
}

/** The page style for timelines, shared by the briefing and the thread page. */
export const TIMELINE_STYLE =
  '.timeline{list-style:none;padding-left:0;margin:.3em 0 1em}.timeline li{margin:.2em 0}.timeline time{color:#555;font-variant-numeric:tabular-nums}.role{display:inline-block;min-width:6.5em;font-size:.85em;color:#333;background:#eee;border-radius:3px;padding:0 .3em;text-align:center}.report.first .role{background:#d7ecd0}.report.follow-up .role{background:#fde2b8}.report.same-event .role{background:#dce6f5}.lead{margin:.2em 0 .4em 7.5em;color:#333;font-size:.95em}';
