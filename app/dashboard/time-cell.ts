// Times on the dashboard: one zone, Asia/Ho_Chi_Minh with its offset, whatever zone the outlet or
// the server wrote; relative ("3 h ago") where people scan a list, the exact time on hover.
import { escapeHtml as e } from '../../src/alert/alert-content.js';
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
