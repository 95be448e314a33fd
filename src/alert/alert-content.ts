// What an alert says: rule, title, outlet, published time, URL, the sentence that matched with
// the match highlighted, and the other outlets that carried the story. Rendered once per format
// (plain text, Slack mrkdwn, HTML, JSON) so every channel shows the same facts.
// The item itself (rule, story, match, other outlets, updateOf: set when this story follows up
// one the rule already alerted on, and the alert says "update") is declared once, as the alert
// job's schema in base/queues.ts.
import type { AlertItem } from '../../base/queues.js';
import type { AlertMatch } from '../match/match-sentence.js';

export type { AlertItem, AlertMatch };
export type AlertStory = AlertItem['story'];
/** The earlier story a follow-up updates: the rule fired on it before. */
export type UpdateOf = NonNullable<AlertItem['updateOf']>;

export interface RenderedAlert {
  subject: string;
  text: string;
  markdown: string;
  html: string;
  json: Record<string, unknown>;
}

function highlight(
  s: string,
  ranges: [number, number][],
  open: string,
  close: string,
  esc: (x: string) => string,
): string {
  let out = '';
  let at = 0;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    out += esc(s.slice(at, a)) + open + esc(s.slice(a, b)) + close;
    at = b;
  }
  return out + esc(s.slice(at));
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const escSlack = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const same = (s: string): string => s;

function renderOne(a: AlertItem): { text: string; markdown: string; html: string } {
  const when = a.story.publishedAt ?? 'time unknown';
  const others = a.otherOutlets.length ? a.otherOutlets.map((o) => o.outlet).join(', ') : null;
  const up = a.updateOf ?? null;
  const text = [
    `[${a.rule}] ${up ? 'Update: ' : ''}${a.story.title}`,
    ...(up ? [`Follow-up of: ${up.title} (${up.url})`] : []),
    `${a.story.outlet} · ${when}`,
    a.story.url,
    `“${highlight(a.match.sentence, a.match.ranges, '«', '»', same)}”`,
    ...(others ? [`Also carried by: ${others}`] : []),
  ].join('\n');
  const markdown = [
    `*[${escSlack(a.rule)}]* ${up ? '*Update:* ' : ''}<${a.story.url}|${escSlack(a.story.title)}>`,
    ...(up ? [`Follow-up of: <${up.url}|${escSlack(up.title)}>`] : []),
    `${escSlack(a.story.outlet)} · ${escSlack(when)}`,
    `> ${highlight(a.match.sentence, a.match.ranges, '*', '*', escSlack)}`,
    ...(others ? [`Also carried by: ${escSlack(others)}`] : []),
  ].join('\n');
  const html = [
    `<b>[${escapeHtml(a.rule)}]</b> ${up ? '<b>Update:</b> ' : ''}<a href="${escapeHtml(a.story.url)}">${escapeHtml(a.story.title)}</a>`,
    ...(up ? [`Follow-up of: <a href="${escapeHtml(up.url)}">${escapeHtml(up.title)}</a>`] : []),
    `${escapeHtml(a.story.outlet)} · ${escapeHtml(when)}`,
    `<i>${highlight(a.match.sentence, a.match.ranges, '<b>', '</b>', escapeHtml)}</i>`,
    ...(others ? [`Also carried by: ${escapeHtml(others)}`] : []),
  ].join('\n');
  return { text, markdown, html };
}

function itemJson(a: AlertItem): Record<string, unknown> {
  return {
    rule: a.rule,
    title: a.story.title,
    outlet: a.story.outlet,
    published_at: a.story.publishedAt,
    url: a.story.url,
    story_id: a.story.storyId,
    file: a.story.file,
    match: a.match,
    other_outlets: a.otherOutlets,
    update_of: a.updateOf ? { story_id: a.updateOf.storyId, title: a.updateOf.title, url: a.updateOf.url } : null,
    ...(a.threadId ? { thread_id: a.threadId } : {}),
  };
}

export function renderAlert(a: AlertItem): RenderedAlert {
  const r = renderOne(a);
  const subject = `tinwatch [${a.rule}] ${a.updateOf ? 'update: ' : ''}${a.story.title}`;
  return { subject, ...r, json: { type: 'alert', ...itemJson(a) } };
}

export function renderDigest(rule: string, items: readonly AlertItem[]): RenderedAlert {
  const parts = items.map(renderOne);
  const head = `tinwatch digest [${rule}]: ${items.length} ${items.length === 1 ? 'story' : 'stories'}`;
  return {
    subject: head,
    text: [head, ...parts.map((p) => p.text)].join('\n\n'),
    markdown: [`*${escSlack(head)}*`, ...parts.map((p) => p.markdown)].join('\n\n'),
    html: [`<b>${escapeHtml(head)}</b>`, ...parts.map((p) => p.html)].join('\n\n'),
    json: { type: 'digest', rule, count: items.length, items: items.map(itemJson) },
  };
}
