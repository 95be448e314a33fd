// robots.txt, obeyed for every discovery and article URL. Each host's file is cached in Redis
// (shared by every worker, expiring after `ttlSeconds`) and parsed with crawlee's RobotsTxtFile.
// Only its first 500 KiB are read, and every redirect hop passes the SSRF guard.
// A missing file (4xx) allows everything; an unreachable one (5xx, timeout, refused) is read as
// "disallow everything" for a short while — when we cannot see the rules, we do not crawl — and
// says so: the verdict is "unreachable" with the cause, a failure to report, not a disallow.
import { RobotsTxtFile } from 'crawlee';
import type { Redis } from 'ioredis';
import type { OriginMap } from '../base/url/origin-map.js';
import type { Logger } from '../base/logger.js';
import type { Keys } from '../base/redis/keys.js';
import { assertPublicDestination } from './ssrf-guard.js';

export const ROBOTS_TTL_SECONDS = 6 * 3600;
/**
 * How long an unreachable robots.txt stands for "disallow everything" before it is asked again.
 * No longer than the shortest feed poll interval, so a returning network is noticed at the next
 * poll; the breaker (host-policy.ts) is what leaves a failing host alone for longer.
 */
export const UNREACHABLE_TTL_SECONDS = 60;
const DISALLOW_ALL = 'User-agent: *\nDisallow: /\n';
/** Marks a cached stand-in for an unreachable file (a comment to any robots.txt parser). */
const UNREACHABLE_MARK = '# tinwatch: robots.txt unreachable: ';

export type RobotsVerdict = { kind: 'allowed' } | { kind: 'disallowed' } | { kind: 'unreachable'; reason: string };

export interface RobotsDeps {
  redis: Redis;
  keys: Keys;
  originMap: OriginMap;
  log: Logger;
  userAgent: string;
}

/** Google reads the first 500 KiB of a robots.txt and ignores the rest; so does tinwatch. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** Redirect hops followed for robots.txt (Google follows five). */
const MAX_REDIRECTS = 5;

/** The body's first `max` bytes as text; the rest is never read from the socket. */
async function cappedText(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks).subarray(0, max));
}

/**
 * robots.txt fetched hop by hop: each redirect target is mapped through the origin map and
 * passes the SSRF guard before it is requested (fetch's own redirect following checks nothing).
 */
async function fetchRobots(deps: RobotsDeps, realUrl: string): Promise<Response> {
  let real = realUrl;
  for (let hop = 0; ; hop++) {
    const url = deps.originMap.toFetchUrl(real);
    await assertPublicDestination(url, deps.originMap);
    const res = await fetch(url, {
      headers: { 'user-agent': deps.userAgent },
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return res;
    await res.body?.cancel().catch(() => {});
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    // Relative to the real URL, so the next hop is mapped (or guarded) like any other.
    real = new URL(location, real).href;
  }
}

async function download(deps: RobotsDeps, origin: string): Promise<{ content: string; ttl: number }> {
  try {
    const res = await fetchRobots(deps, `${origin}/robots.txt`);
    if (res.ok) return { content: await cappedText(res, ROBOTS_MAX_BYTES), ttl: ROBOTS_TTL_SECONDS };
    await res.body?.cancel().catch(() => {});
    if (res.status >= 400 && res.status < 500 && res.status !== 429) return { content: '', ttl: ROBOTS_TTL_SECONDS };
    // Said by the source's failure report (workers/source-outcome.ts), once per cause.
    deps.log.debug({ origin, status: res.status }, 'robots.txt unavailable: not crawling this host for now');
    return unreachable(`HTTP ${res.status}`);
  } catch (err) {
    deps.log.debug({ origin, err: (err as Error).message }, 'robots.txt unreachable: not crawling this host for now');
    return unreachable(errorWords(err));
  }
}

/** The error and the cause it wraps (fetch says only "fetch failed"; the socket's code is inside). */
function errorWords(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  const inner = e.cause?.code ?? e.cause?.message;
  return inner ? `${e.message}: ${inner}` : e.message;
}

function unreachable(reason: string): { content: string; ttl: number } {
  // The cached failure says when it is asked again, so nobody reads an old failure as a new one.
  const retry = new Date(Date.now() + UNREACHABLE_TTL_SECONDS * 1000).toISOString().slice(11, 19);
  return {
    content: `${UNREACHABLE_MARK}${reason.replace(/\s+/g, ' ')}; asked again after ${retry} UTC\n${DISALLOW_ALL}`,
    ttl: UNREACHABLE_TTL_SECONDS,
  };
}

export class RobotsPolicy {
  /** Parsed files for this crawl only: Redis holds the shared cache. */
  private readonly parsed = new Map<string, Promise<{ file: RobotsTxtFile; unreachable: string | null }>>();

  constructor(private readonly deps: RobotsDeps) {}

  private file(origin: string): Promise<{ file: RobotsTxtFile; unreachable: string | null }> {
    let p = this.parsed.get(origin);
    if (!p) {
      p = (async () => {
        const key = this.deps.keys.robots(origin);
        let content = await this.deps.redis.get(key);
        if (content === null) {
          const got = await download(this.deps, origin);
          content = got.content;
          await this.deps.redis.set(key, content, 'EX', got.ttl);
        }
        const unreachable = content.startsWith(UNREACHABLE_MARK)
          ? content.slice(UNREACHABLE_MARK.length, content.indexOf('\n'))
          : null;
        return { file: RobotsTxtFile.from(`${origin}/robots.txt`, content), unreachable };
      })();
      this.parsed.set(origin, p);
    }
    return p;
  }

  /** Whether the host's robots.txt lets us fetch this URL, or could not be read. */
  async verdict(url: string): Promise<RobotsVerdict> {
    const origin = new URL(url).origin;
    const robots = await this.file(origin);
    if (robots.unreachable !== null)
      return { kind: 'unreachable', reason: `${origin}/robots.txt unreachable (${robots.unreachable})` };
    return robots.file.isAllowed(url, this.deps.userAgent) ? { kind: 'allowed' } : { kind: 'disallowed' };
  }

  async allowed(url: string): Promise<boolean> {
    return (await this.verdict(url)).kind === 'allowed';
  }
}
