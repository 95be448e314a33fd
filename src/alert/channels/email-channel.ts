// The email channel: the alert as text and HTML through the SMTP server in the named variable.
import { UnrecoverableError } from 'bullmq';
import nodemailer from 'nodemailer';
import type { ChannelConfig } from '../../../config/watchlist-schema.js';
import type { ChannelFactory } from './channel.js';

/** One mail through an email channel's SMTP server; the daily briefing sends its page this way too. */
export async function sendMail(
  transport: nodemailer.Transporter,
  cfg: Extract<ChannelConfig, { type: 'email' }>,
  mail: { subject: string; text: string; html: string },
  idempotencyKey: string,
): Promise<void> {
  try {
    await transport.sendMail({
      from: cfg.from,
      to: cfg.to,
      ...mail,
      headers: { 'X-Tinwatch-Idempotency-Key': idempotencyKey },
    });
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    // 5xx SMTP replies are permanent; 4xx and connection errors are worth retrying.
    if (code && code >= 500) throw new UnrecoverableError(`SMTP ${code}: ${(err as Error).message}`);
    throw new Error(`SMTP delivery failed: ${(err as Error).message}`);
  }
}

export const emailChannel: ChannelFactory<'email'> = ({ cfg, secret }) => {
  let transport: nodemailer.Transporter | undefined;
  return async (a, key) => {
    transport ??= nodemailer.createTransport(secret(cfg.smtpUrlEnv));
    await sendMail(
      transport,
      cfg,
      { subject: a.subject, text: a.text, html: `<div style="white-space:pre-line">${a.html}</div>` },
      key,
    );
  };
};
