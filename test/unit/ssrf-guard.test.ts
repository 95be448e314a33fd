import { describe, expect, it } from 'vitest';
import { assertPublicDestination, isForbiddenAddress } from '../../crawlers/ssrf-guard.js';
import { createOriginMap } from '../../base/url/origin-map.js';

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
    // The forms the URL parser writes IPv4-mapped literals in, and other IPv4-carrying IPv6.
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '::ffff:a00:1',
    '::127.0.0.1', // IPv4-compatible
    '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
    '64:ff9b::7f00:1',
    '2002:a9fe:a9fe::', // 6to4 of 169.254.169.254
    '2002:c0a8:101::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    'fe80::1%eth0',
    'fec0::1',
    '2001:db8::1', // documentation
    '198.18.0.1', // benchmarking
    '192.0.2.1',
    '255.255.255.255',
    '240.0.0.1',
    'not-an-ip',
  ])('refuses %s', (ip) => expect(isForbiddenAddress(ip)).toBe(true));

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '203.113.131.1',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows %s', (ip) => expect(isForbiddenAddress(ip)).toBe(false));

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

  it.each([
    'http://[::ffff:127.0.0.1]:6379/',
    'http://[::ffff:169.254.169.254]/latest/meta-data',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://2130706433/', // decimal
    'http://0x7f.0.0.1/', // hex
    'http://0177.0.0.1/', // octal
    'http://127.1/',
    'http://[::127.0.0.1]/',
  ])('refuses the URL %s whatever form the address is written in', async (url) => {
    await expect(assertPublicDestination(url, createOriginMap({}))).rejects.toThrow(/private or local/);
  });
});
