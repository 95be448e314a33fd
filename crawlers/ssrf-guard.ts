// SSRF guard: the crawler never connects to private, loopback, link-local or otherwise internal
// addresses, whatever a feed, page or redirect points at. URLs produced by the origin map (the
// replay server on loopback) are the one explicit exception. Checked before every request and
// every redirect, after DNS resolution (so a public name pointing inward is refused too).
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { NonRetryableError } from 'crawlee';
import type { OriginMap } from '../src/fetch/origin-map.js';

export class ForbiddenAddressError extends NonRetryableError {
  override name = 'ForbiddenAddressError';
}

function v4Private(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/** True for any address a crawler has no business reaching. */
export function isForbiddenAddress(ip: string): boolean {
  if (net.isIPv4(ip)) return v4Private(ip);
  if (!net.isIPv6(ip)) return true;
  const x = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(x);
  if (mapped) return v4Private(mapped[1]!);
  return x === '::' || x === '::1' || /^f[cd]/.test(x) || /^fe[89ab]/.test(x) || /^ff/.test(x);
}

export async function assertPublicDestination(fetchUrl: string, originMap: OriginMap): Promise<void> {
  if (originMap.isMapped(fetchUrl)) return;
  const url = new URL(fetchUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ForbiddenAddressError(`refusing ${url.protocol} URL`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  const bad = addresses.find(isForbiddenAddress);
  if (bad) throw new ForbiddenAddressError(`refusing ${host}: it resolves to ${bad}, a private or local address`);
}
