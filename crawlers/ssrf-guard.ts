// SSRF guard: the crawler never connects to private, loopback, link-local or otherwise internal
// addresses, whatever a feed, page, robots.txt or redirect points at. URLs produced by the origin
// map (the replay server on loopback) are the one explicit exception. Checked before every
// request and every redirect hop, after DNS resolution (so a public name pointing inward is
// refused too).
//
// Addresses are parsed and classified by ipaddr.js (the parser behind Express's proxy-addr)
// rather than by regular expressions over text: the URL parser rewrites `[::ffff:127.0.0.1]` to
// `[::ffff:7f00:1]`, and an IPv6 address can carry an IPv4 one in several ways (mapped,
// compatible, NAT64, 6to4), each of which must be judged by the IPv4 address inside.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import type { OriginMap } from '../base/url/origin-map.js';

import { ForbiddenAddressError } from './errors.js';

/** The IPv4 address an IPv6 one stands for (mapped, compatible, NAT64 or 6to4), if any. */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = v6.parts;
  const fromWords = (hi: number, lo: number): ipaddr.IPv4 => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const zeros = (n: number): boolean => p.slice(0, n).every((x) => x === 0);
  if (zeros(5) && p[5] === 0xffff) return fromWords(p[6]!, p[7]!); // ::ffff:a.b.c.d (mapped)
  if (zeros(6) && (p[6] !== 0 || p[7]! > 1)) return fromWords(p[6]!, p[7]!); // ::a.b.c.d (compatible)
  if (p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((x) => x === 0)) return fromWords(p[6]!, p[7]!); // NAT64
  if (p[0] === 0x2002) return fromWords(p[1]!, p[2]!); // 6to4
  return null;
}

/**
 * True for any address a crawler has no business reaching: everything but public unicast.
 * IPv4: private, loopback, link-local (cloud metadata), carrier-grade NAT, multicast, broadcast,
 * unspecified and the reserved blocks. IPv6: the same kinds, plus Teredo and the other tunnel and
 * translation prefixes, which are judged by the IPv4 address they carry where they carry one.
 */
export function isForbiddenAddress(ip: string): boolean {
  // Strict literals only: ipaddr.js would also read legacy forms like "1.2.3" as an address.
  if (!net.isIP(ip)) return true;
  const addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv4') return addr.range() !== 'unicast';
  const v6 = addr as ipaddr.IPv6;
  const inner = embeddedIPv4(v6);
  if (inner) return inner.range() !== 'unicast';
  return v6.range() !== 'unicast';
}

export async function assertPublicDestination(fetchUrl: string, originMap: OriginMap): Promise<void> {
  if (originMap.isMapped(fetchUrl)) return;
  const url = new URL(fetchUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ForbiddenAddressError(`refusing ${url.protocol} URL`);
  // The URL parser has already turned decimal, octal and hex IPv4 forms into dotted quads.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  const bad = addresses.find(isForbiddenAddress);
  if (bad) throw new ForbiddenAddressError(`refusing ${host}: it resolves to ${bad}, a private or local address`);
}
