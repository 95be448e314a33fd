// robots.txt, obeyed for every discovery and article URL. Each host's file is cached in Redis
// (shared by every worker, expiring after `ttlSeconds`) and parsed with crawlee's RobotsTxtFile.
// Only its first 500 KiB are read, and every redirect hop passes the SSRF guard.
// A missing file (4xx) allows everything; an unreachable one (5xx, timeout) is read as
// "disallow everything" for a short while — when we cannot see the rules, we do not crawl.
import { RobotsTxtFile } from 'crawlee';
import type { Redis } from 'ioredis';
import type { OriginMap } from '../src/url/origin-map.js';
import type { Logger } from '../src/logger.js';
import type { Keys } from '../src/redis/keys.js';
import { assertPublicDestination } from './ssrf-guard.js';

export const ROBOTS_TTL_SECONDS = 6 * 3600;
const UNREACHABLE_TTL_SECONDS = 10 * 60;
const DISALLOW_ALL = 'User-agent: *\nDisallow: /\n';

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
    deps.log.warn({ origin, status: res.status }, 'robots.txt unavailable: not crawling this host for now');
  } catch (err) {
    deps.log.warn({ origin, err: (err as Error).message }, 'robots.txt unreachable: not crawling this host for now');
  }
  return { content: DISALLOW_ALL, ttl: UNREACHABLE_TTL_SECONDS };
}

export class RobotsPolicy {
  /** Parsed files for this crawl only: Redis holds the shared cache. */
  private readonly parsed = new Map<string, Promise<RobotsTxtFile>>();

  constructor(private readonly deps: RobotsDeps) {}

  private file(origin: string): Promise<RobotsTxtFile> {
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
        return RobotsTxtFile.from(`${origin}/robots.txt`, content);
      })();
      this.parsed.set(origin, p);
    }
    return p;
  }

  async allowed(url: string): Promise<boolean> {
    const robots = await this.file(new URL(url).origin);
    return robots.isAllowed(url, this.deps.userAgent);
  }
}
