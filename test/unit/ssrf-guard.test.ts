import { describe, expect, it } from 'vitest';
import { assertPublicDestination, isForbiddenAddress } from '../../crawlers/ssrf-guard.js';
import { createOriginMap } from '../../src/fetch/origin-map.js';

describe('SSRF guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (ip) => expect(isForbiddenAddress(ip)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '203.113.131.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('allows %s', (ip) =>
    expect(isForbiddenAddress(ip)).toBe(false),
  );

  it('refuses names that resolve inward and non-http schemes, but not the origin map', async () => {
    const map = createOriginMap({ 'https://vnexpress.net': 'http://127.0.0.1:9/vnexpress.net' });
    await expect(assertPublicDestination('http://localhost:8080/admin', map)).rejects.toThrow(
      /resolves to (127\.0\.0\.1|::1)/,
    );
    await expect(assertPublicDestination('http://169.254.169.254/latest/meta-data', map)).rejects.toThrow(
      /private or local/,
    );
    await expect(assertPublicDestination('file:///etc/passwd', map)).rejects.toThrow(/refusing file:/);
    await expect(
      assertPublicDestination('http://127.0.0.1:9/vnexpress.net/a-1234567.html', map),
    ).resolves.toBeUndefined();
    await expect(assertPublicDestination('http://127.0.0.1:9/other/a.html', map)).rejects.toThrow(/private or local/);
  });
});
