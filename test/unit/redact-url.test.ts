// Secrets never shown: a Redis password, a bot token in a path, a token in the query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../base/url/redact-url.js';

describe('redactUrl', () => {
  it.each([
    ['redis://:s3cret-pass@10.0.0.5:6379/0', 'redis://:***@10.0.0.5:6379/0'],
    ['redis://tinwatch:s3cret-pass@redis:6379', 'redis://tinwatch:***@redis:6379'],
    ['https://api.telegram.org/bot123456:AAE-secret/sendMessage', 'https://api.telegram.org/bot***/sendMessage'],
    ['https://hooks.example/x?token=abc&channel=1', 'https://hooks.example/x?token=***&channel=1'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['not a url', 'not a url'],
  ])('%s → %s', (raw, shown) => expect(redactUrl(raw)).toBe(shown));

  it('never lets a password through (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{6,30}$/), (pass) => {
        expect(redactUrl(`redis://user:${pass}@example.net:6379`)).not.toContain(pass);
      }),
    );
  });
});

describe('withoutSecretsOf', () => {
  it('takes the bot token and hook path out of an echoed answer', async () => {
    const { withoutSecretsOf } = await import('../../src/alert/channels/http-post.js');
    const token = '123456789:AAE-very-secret-token';
    const url = `https://api.telegram.org/bot${token}/sendMessage`;
    const echoed = `{"ok":false,"description":"Not Found: POST /bot${token}/sendMessage","url":"${url}"}`;
    const shown = withoutSecretsOf(url, echoed);
    expect(shown).not.toContain(token);
    expect(shown).not.toContain(encodeURIComponent(token));
    expect(shown).toContain('Not Found');
    const hook = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXX';
    expect(withoutSecretsOf(hook, `no such hook ${hook}`)).toBe('no such hook ***');
  });
});
