// Each channel against a local peer that speaks its protocol: an HTTP receiver for webhook,
// Slack and Telegram, a real SMTP server (smtp-server) for e-mail. No mocked clients.
import { createHmac } from 'node:crypto';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelSchema } from '../../config/watchlist-schema.js';
import { renderAlert } from '../../src/alert/alert-content.js';
import { createChannel } from '../../src/alert/channels/channel-registry.js';
import { SAMPLE_ALERT } from '../../src/alert/sample-alert.js';
import { startReceiver, type Receiver } from '../helpers/http-receiver.js';

const log = pino({ level: 'silent' });
const alert = renderAlert({
  ...SAMPLE_ALERT,
  otherOutlets: [{ outlet: 'VietnamPlus', url: 'https://vietnamplus.vn/x-post1.vnp' }],
});

describe('alert channels', () => {
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver();
  });
  afterAll(async () => {
    await rx.close();
  });

  it('webhook: JSON body signed with HMAC-SHA256 from the env secret, idempotency key header', async () => {
    const secrets: Record<string, string> = { HOOK_URL: `${rx.url}/hook`, HOOK_SECRET: 's3cr3t' };
    const ch = createChannel(
      'hook',
      channelSchema.parse({ type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' }),
      (n) => secrets[n],
      log,
    );
    await ch.send(alert, 'alert-abc-rule-hook');
    const r = rx.received.at(-1)!;
    expect(r.path).toBe('/hook');
    const expected = `sha256=${createHmac('sha256', 's3cr3t').update(r.body).digest('hex')}`;
    expect(r.headers['x-tinwatch-signature']).toBe(expected);
    expect(r.headers['x-tinwatch-idempotency-key']).toBe('alert-abc-rule-hook');
    const body = JSON.parse(r.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'alert',
      rule: 'send-test',
      outlet: 'tinwatch',
      other_outlets: [{ outlet: 'VietnamPlus' }],
    });
    expect(r.body).not.toContain('s3cr3t');
  });

  it('slack: incoming-webhook JSON with mrkdwn text, the match in bold', async () => {
    const ch = createChannel(
      'slack',
      channelSchema.parse({ type: 'slack', urlEnv: 'SLACK_URL' }),
      () => `${rx.url}/services/T/B/X`,
      log,
    );
    await ch.send(alert, 'k');
    const body = JSON.parse(rx.received.at(-1)!.body) as { text: string };
    expect(body.text).toContain('*răn đe mở rộng*');
    expect(body.text).toContain('<https://example.invalid/tinwatch-test|[TEST] Hàn Quốc');
    expect(body.text).toContain('Also carried by: VietnamPlus');
  });

  it('telegram: sendMessage on the configured base URL with HTML parse mode', async () => {
    const ch = createChannel(
      'tg',
      channelSchema.parse({ type: 'telegram', tokenEnv: 'TG_TOKEN', chatId: '@room', baseUrl: rx.url }),
      () => '123:ABC',
      log,
    );
    await ch.send(alert, 'k');
    const r = rx.received.at(-1)!;
    expect(r.path).toBe('/bot123:ABC/sendMessage');
    const body = JSON.parse(r.body) as { chat_id: string; parse_mode: string; text: string };
    expect(body).toMatchObject({ chat_id: '@room', parse_mode: 'HTML' });
    expect(body.text).toContain('<b>răn đe mở rộng</b>');
  });

  it('a 4xx is permanent and a 5xx transient; neither error shows the secret URL', async () => {
    const ch = createChannel(
      'tg',
      channelSchema.parse({ type: 'telegram', tokenEnv: 'TG_TOKEN', chatId: 1, baseUrl: rx.url }),
      () => '999:SECRET',
      log,
    );
    rx.script.push(400);
    const e400 = await ch.send(alert, 'k').catch((e: Error) => e);
    expect(e400).toMatchObject({ name: 'UnrecoverableError' });
    expect((e400 as Error).message).toMatch(/HTTP 400/);
    rx.script.push(503);
    const e503 = await ch.send(alert, 'k').catch((e: Error) => e);
    expect(e503).toMatchObject({ name: 'ChannelHttpError' });
    for (const e of [e400, e503]) expect((e as Error).message).not.toContain('SECRET');
  });

  it('a missing secret fails permanently naming the variable', async () => {
    const ch = createChannel(
      'slack',
      channelSchema.parse({ type: 'slack', urlEnv: 'NOT_SET_ANYWHERE' }),
      () => undefined,
      log,
    );
    await expect(ch.send(alert, 'k')).rejects.toThrow(
      'channel "slack": environment variable NOT_SET_ANYWHERE is not set',
    );
  });

  it('email: delivered over SMTP to a local smtp-server, subject and highlighted match inside', async () => {
    const mails: { from: string; to: string[]; data: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      const ch = createChannel(
        'mail',
        channelSchema.parse({
          type: 'email',
          smtpUrlEnv: 'SMTP_URL',
          from: 'tinwatch@test.local',
          to: ['desk@test.local'],
        }),
        () => `smtp://127.0.0.1:${port}`,
        log,
      );
      await ch.send(alert, 'alert-key-1');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.from).toBe('tinwatch@test.local');
      expect(mails[0]!.to).toEqual(['desk@test.local']);
      expect(mails[0]!.data).toMatch(/X-Tinwatch-Idempotency-Key: alert-key-1/);
      expect(mails[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });
});
