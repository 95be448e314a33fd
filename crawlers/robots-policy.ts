// robots.txt, obeyed for every discovery and article URL. Each host's file is cached in Redis
// (shared by every worker, expiring after `ttlSeconds`) and parsed with crawlee's RobotsTxtFile.
// A missing file (4xx) allows everything; an unreachable one (5xx, timeout) is read as
// "disallow everything" for a short while — when we cannot see the rules, we do not crawl.
import { RobotsTxtFile } from 'crawlee';
import type { Redis } from 'ioredis';
import type { OriginMap } from '../src/fetch/origin-map.js';
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

async function download(deps: RobotsDeps, origin: string): Promise<{ content: string; ttl: number }> {
  const url = deps.originMap.toFetchUrl(`${origin}/robots.txt`);
  try {
    await assertPublicDestination(url, deps.originMap);
    const res = await fetch(url, { headers: { 'user-agent': deps.userAgent }, signal: AbortSignal.timeout(10_000) });
    if (res.ok) return { content: await res.text(), ttl: ROBOTS_TTL_SECONDS };
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
