// What a thread's update and a spike alert say, in every channel's format (plain text, Slack
// mrkdwn, HTML, JSON), beside alert-content.ts's per-story alert and digest.
import type { SpikeFacts } from '../../base/queues.js';
import { escapeHtml, escSlack, type RenderedAlert } from './alert-content.js';

/** A later story of a thread, waiting for the thread's next update. */
export interface ThreadUpdateEntry {
  storyId: string;
  title: string;
  outlet: string;
  url: string;
  publishedAt: string | null;
  /** copy: the same text at another outlet; the others are stories of their own in the thread. */
  role: 'copy' | 'follow-up' | 'same-event' | 'story';
}

export interface ThreadRef {
  id: string;
  title: string;
  url: string;
}

const ROLE_LABEL: Record<ThreadUpdateEntry['role'], string> = {
  copy: 'Copy',
  'follow-up': 'Follow-up',
  'same-event': 'Same event',
  story: 'Related',
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

interface Line {
  label: string;
  title: string;
  url: string;
  meta: string;
}

function render(head: string, subject: string, intro: string[], lines: Line[], json: Record<string, unknown>) {
  const text = [head, ...intro, ...lines.map((l) => `${l.label}: ${l.title} (${l.meta})\n  ${l.url}`)].join('\n');
  const markdown = [
    `*${escSlack(head)}*`,
    ...intro.map(escSlack),
    ...lines.map((l) => `${escSlack(l.label)}: <${l.url}|${escSlack(l.title)}> (${escSlack(l.meta)})`),
  ].join('\n');
  const html = [
    `<b>${escapeHtml(head)}</b>`,
    ...intro.map(escapeHtml),
    ...lines.map(
      (l) =>
        `${escapeHtml(l.label)}: <a href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a> (${escapeHtml(l.meta)})`,
    ),
  ].join('<br>\n');
  return { subject, text, markdown, html, json };
}

export function renderThreadUpdate(
  rule: string,
  thread: ThreadRef,
  entries: readonly ThreadUpdateEntry[],
): RenderedAlert {
  const copies = entries.filter((e) => e.role === 'copy');
  const stories = entries.filter((e) => e.role !== 'copy');
  const outlets = [...new Set(entries.map((e) => e.outlet))];
  const parts = [
    ...(outlets.length ? [plural(outlets.length, 'more outlet', 'more outlets')] : []),
    ...(stories.length ? [plural(stories.length, 'follow-up', 'follow-ups')] : []),
  ];
  const head = `[${rule}] Update: ${thread.title}`;
  const intro = [
    `${parts.join(', ')} since the alert.`,
    ...(outlets.length ? [`Now also: ${outlets.join(', ')}`] : []),
  ];
  const lines = [...stories, ...copies].map((e) => ({
    label: ROLE_LABEL[e.role],
    title: e.title,
    url: e.url,
    meta: `${e.outlet} · ${e.publishedAt ?? 'time unknown'}`,
  }));
  return render(head, `tinwatch [${rule}] update: ${parts.join(', ')} — ${thread.title}`, intro, lines, {
    type: 'thread-update',
    rule,
    thread: { id: thread.id, title: thread.title, url: thread.url },
    more_outlets: outlets,
    follow_ups: stories.length,
    copies: copies.length,
    items: entries.map((e) => ({
      story_id: e.storyId,
      role: e.role,
      title: e.title,
      outlet: e.outlet,
      url: e.url,
      published_at: e.publishedAt,
    })),
  });
}

export function renderSpike(rule: string, s: SpikeFacts): RenderedAlert {
  const usual = s.usual < 10 ? s.usual.toFixed(1) : String(Math.round(s.usual));
  const head = `[${rule}] Spike: ${plural(s.count, 'match', 'matches')} in the last ${s.hours} h`;
  const intro = [
    `Usually ${usual} per ${s.hours} h (average of the 7 days before); fires above ${s.factor}× that.`,
    `Threads behind it (${s.threads.length}):`,
  ];
  const lines = s.threads.map((t) => ({
    label: plural(t.matches, 'match', 'matches'),
    title: t.title,
    url: t.url,
    meta: t.outlets.join(', '),
  }));
  return render(head, `tinwatch [${rule}] spike: ${s.count} matches in ${s.hours} h (usually ${usual})`, intro, lines, {
    type: 'spike',
    rule,
    spike_id: s.id,
    hours: s.hours,
    factor: s.factor,
    count: s.count,
    usual: s.usual,
    at: s.at,
    threads: s.threads,
  });
}
