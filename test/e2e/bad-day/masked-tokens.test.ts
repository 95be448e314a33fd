// Bad day: a webhook receiver that echoes the request it refused (issue 32, finding 11). A short
// token in the hook's query string (`?api_token=Tk_93jd7Q`) used to come back unmasked in the
// failure reason, which the failed list, the logs and the dashboard show. Every token-like query
// value is masked there, however short, and redactUrl says the same for any URL it shows.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelSchema } from '../../../config/watchlist-schema.js';
import { renderAlert } from '../../../src/alert/alert-content.js';
import { createChannel } from '../../../src/alert/channels/channel-registry.js';
import { withoutSecretsOf } from '../../../src/alert/channels/http-post.js';
import { SAMPLE_ALERT } from '../../../src/alert/sample-alert.js';
import { redactUrl } from '../../../base/url/redact-url.js';

describe('bad day: a token in a webhook URL', () => {
  let echo: http.Server;
  let base: string;
  beforeAll(async () => {
    // Refuses every request, quoting the URL it was sent to, the way some receivers do.
    echo = http.createServer((req, res) => {
      res.writeHead(Number(/status=(\d+)/.exec(req.url ?? '')?.[1] ?? 400), { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'unknown hook', request: `POST ${req.url}`, full: `http://x${req.url}` }));
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  afterAll(() => echo?.close());

  it.each([
    ['/hook?api_token=Tk_93jd7Q', 'Tk_93jd7Q'],
    ['/hook?status=503&key=k9Zq', 'k9Zq'],
    ['/hook?channel=ops&x=Ab3dEf9hKq', 'Ab3dEf9hKq'],
  ])('the failure reason for %s does not carry %s', async (pathAndQuery, token) => {
    const ch = createChannel(
      'hook',
      channelSchema.parse({ type: 'webhook', url: `${base}${pathAndQuery}` }),
      () => undefined,
      pino({ level: 'silent' }),
    );
    const reason = await ch.send(renderAlert(SAMPLE_ALERT), 'k').then(
      () => 'sent',
      (err: Error) => err.message,
    );
    expect(reason).toMatch(/^HTTP (400|503): /);
    expect(reason).toContain('unknown hook');
    expect(reason).not.toContain(token);
    expect(redactUrl(`${base}${pathAndQuery}`)).not.toContain(token);
  });

  it('masks any value under a credential name, and leaves plain words alone (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('api_token', 'token', 'apikey', 'access_key', 'sig', 'password', 'auth', 'session_id'),
        fc.stringMatching(/^[A-Za-z0-9_-]{4,24}$/),
        (name, value) => {
          const url = `https://hooks.example/in?${name}=${value}&channel=ops`;
          expect(redactUrl(url)).not.toContain(`=${value}`);
          expect(withoutSecretsOf(url, `refused ${url} (${name}=${value})`)).not.toContain(value);
          expect(redactUrl(url)).toContain('channel=ops');
        },
      ),
    );
  });
});
