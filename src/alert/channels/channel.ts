// A delivery channel: sends one rendered alert (or digest). Secrets come from the environment at
// send time; a missing one is a permanent failure naming the variable, never its value.
import { createHmac } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import nodemailer from 'nodemailer';
import type { ChannelConfig } from '../../../config/watchlist-schema.js';
import type { Logger } from '../../logger.js';
import type { RenderedAlert } from '../alert-content.js';
import { postJson } from './http-post.js';

export interface Channel {
  readonly name: string;
  readonly type: ChannelConfig['type'];
  send(alert: RenderedAlert, idempotencyKey: string): Promise<void>;
}

export type EnvLookup = (name: string) => string | undefined;

function secret(env: EnvLookup, channel: string, variable: string): string {
  const v = env(variable);
  if (!v) throw new UnrecoverableError(`channel "${channel}": environment variable ${variable} is not set`);
  return v;
}

export function signBody(secretValue: string, body: string): string {
  return `sha256=${createHmac('sha256', secretValue).update(body).digest('hex')}`;
}

export function createChannel(name: string, cfg: ChannelConfig, env: EnvLookup, log: Logger): Channel {
  switch (cfg.type) {
    case 'log':
      return {
        name,
        type: cfg.type,
        send: async (a, key) => {
          log.info({ channel: name, idempotencyKey: key, alert: a.json }, a.text);
        },
      };
    case 'webhook':
      return {
        name,
        type: cfg.type,
        send: async (a, key) => {
          const url = cfg.url ?? secret(env, name, cfg.urlEnv!);
          const body = JSON.stringify(a.json);
          const headers: Record<string, string> = { 'x-tinwatch-idempotency-key': key };
          if (cfg.secretEnv) headers['x-tinwatch-signature'] = signBody(secret(env, name, cfg.secretEnv), body);
          await postJson(url, body, headers);
        },
      };
    case 'slack':
      return {
        name,
        type: cfg.type,
        send: async (a) => {
          await postJson(secret(env, name, cfg.urlEnv), JSON.stringify({ text: a.markdown, mrkdwn: true }));
        },
      };
    case 'telegram':
      return {
        name,
        type: cfg.type,
        send: async (a) => {
          const token = secret(env, name, cfg.tokenEnv);
          const base = cfg.baseUrl.replace(/\/+$/, '');
          // Telegram caps a message at 4096 characters.
          const text = a.html.length > 4000 ? `${a.html.slice(0, 3990)}…` : a.html;
          await postJson(
            `${base}/bot${token}/sendMessage`,
            JSON.stringify({ chat_id: cfg.chatId, text, parse_mode: 'HTML', disable_web_page_preview: true }),
          );
        },
      };
    case 'email': {
      let transport: nodemailer.Transporter | undefined;
      return {
        name,
        type: cfg.type,
        send: async (a, key) => {
          transport ??= nodemailer.createTransport(secret(env, name, cfg.smtpUrlEnv));
          try {
            await transport.sendMail({
              from: cfg.from,
              to: cfg.to,
              subject: a.subject,
              text: a.text,
              html: `<div style="white-space:pre-line">${a.html}</div>`,
              headers: { 'X-Tinwatch-Idempotency-Key': key },
            });
          } catch (err) {
            const code = (err as { responseCode?: number }).responseCode;
            // 5xx SMTP replies are permanent; 4xx and connection errors are worth retrying.
            if (code && code >= 500) throw new UnrecoverableError(`SMTP ${code}: ${(err as Error).message}`);
            throw new Error(`SMTP delivery failed: ${(err as Error).message}`);
          }
        },
      };
    }
  }
}
