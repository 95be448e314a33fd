// A thread's page: the first report, every outlet that picked it up and when, each follow-up and
// other report with its lead (the new facts that made it a story of its own), oldest first.
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import { TIMELINE_STYLE, headlineStory, threadSummary, timelineHtml } from '../../src/brief/thread-timeline.js';
import { vietnamTime } from '../../src/text/vietnam-time.js';
import type { StoryThread } from '../../src/thread/index.js';
import { layout } from './dashboard-pages.js';

export function threadPage(t: StoryThread, leads: Readonly<Record<string, string>>): string {
  const head = headlineStory(t);
  const first = leads[head.id] ? `<p class="lead" id="first-lead">${e(leads[head.id]!)}</p>` : '';
  return layout(
    `Thread: ${head.title}`,
    `<style>${TIMELINE_STYLE}</style>
<h1 id="thread-title" data-thread="${e(t.id)}">${e(head.title)}</h1>
<p class="muted" id="thread-summary">${e(threadSummary(t))} · first reported ${e(vietnamTime(t.firstReportAt))} · latest ${e(vietnamTime(t.lastReportAt))}</p>
${first}
<h2>Timeline</h2>
${timelineHtml(t, leads, 'dashboard')}
<p class="muted">Outlets in the order they reported: ${t.outlets.map((o) => e(o)).join(' → ')}</p>`,
  );
}
