// The briefing sent through a configured email channel: the page itself as the HTML part (it
// needs nothing fetched), a plain-text part listing the threads for mail readers without HTML.
import nodemailer from 'nodemailer';
import type { ChannelConfig } from '../../config/watchlist-schema.js';
import { sendMail } from '../alert/channels/email-channel.js';
import { vietnamTime } from '../text/vietnam-time.js';
import type { Brief } from './brief-model.js';
import { headlineStory, threadSummary } from './thread-timeline.js';

export function briefSubject(b: Brief): string {
  return `tinwatch briefing ${b.day}: ${b.threads.length} threads, ${b.newThreads.length} new, ${b.borderline.length} borderline`;
}

export function briefText(b: Brief): string {
  const lines = [`tinwatch briefing for ${b.day} (Vietnam time)`, '', 'Threads of the day:'];
  b.threads.forEach((t, i) => {
    const head = headlineStory(t.thread);
    lines.push(
      `${i + 1}. ${head.title}${t.isNew ? ' [new]' : ''}`,
      `   ${threadSummary(t.thread)}; first reported ${vietnamTime(t.thread.firstReportAt)}`,
      `   ${head.url}`,
    );
  });
  if (!b.threads.length) lines.push('none');
  lines.push('', `Borderline stories waiting: ${b.borderline.length}`);
  for (const s of b.borderline) lines.push(`- ${s.outlet}: ${s.title} ${s.url}`);
  lines.push('', `Sources failing or silent: ${b.sources.length} of ${b.sourceCount}`);
  for (const s of b.sources) lines.push(`- ${s.name}: ${s.kind}, ${s.detail}`);
  return lines.join('\n');
}

/** Sends the page; the idempotency key names the day, so a receiver can drop a resend. */
export async function sendBrief(
  b: Brief,
  html: string,
  cfg: Extract<ChannelConfig, { type: 'email' }>,
  smtpUrl: string,
): Promise<void> {
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    await sendMail(transport, cfg, { subject: briefSubject(b), text: briefText(b), html }, `brief-${b.day}`);
  } finally {
    transport.close();
  }
}
