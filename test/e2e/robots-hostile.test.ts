// robots.txt from a hostile host: a redirect inward is refused at the hop (the canary on
// loopback never hears a request), a redirect to another page of a mapped outlet is followed,
// and a huge file is read and cached only up to Google's 500 KiB.
import type http from 'node:http';
import { Redis } from 'ioredis';
import { listenLocal } from '../helpers/http-receiver.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROBOTS_MAX_BYTES, RobotsPolicy } from '../../crawlers/robots-policy.js';
import { createOriginMap } from '../../base/url/origin-map.js';
import { createLogger } from '../../base/logger.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { createKeys } from '../../base/redis/keys.js';
import { testPrefix } from '../helpers/test-runtime.js';

describe('robots.txt from a hostile host', () => {
  let redis: Redis;
  const keys = createKeys(testPrefix());
  const canaryHits: string[] = [];
  let canary: { server: http.Server; base: string };
  let outlet: { server: http.Server; base: string };

  beforeAll(async () => {
    redis = new Redis(inject('redisUrl'));
    canary = await listenLocal((req, res) => {
      canaryHits.push(req.url ?? '');
      res.end('User-agent: *\nAllow: /\n');
    });
    outlet = await listenLocal((req, res) => {
      const path = req.url ?? '';
      if (path === '/inward.test/robots.txt') {
        // A redirect to a loopback address that is not the origin map's: an SSRF attempt.
        res.writeHead(302, { location: `${canary.base}/steal` }).end();
      } else if (path === '/mapped-hex.test/robots.txt') {
        res.writeHead(301, { location: `http://[::ffff:7f00:1]:${new URL(canary.base).port}/steal` }).end();
      } else if (path === '/moved.test/robots.txt') {
        res.writeHead(301, { location: '/robots-new.txt' }).end();
      } else if (path === '/moved.test/robots-new.txt') {
        res.end('User-agent: *\nDisallow: /secret/\n');
      } else if (path === '/huge.test/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('User-agent: *\nDisallow: /a/\n');
        const line = `Disallow: /${'x'.repeat(1000)}\n`;
        for (let i = 0; i < 2_000; i++) res.write(line); // ~2 MB
        res.end();
      } else res.writeHead(404).end();
    });
  });
  afterAll(async () => {
    await clearPrefix(redis, keys.prefix);
    redis.disconnect();
    canary.server.close();
    outlet.server.close();
  });

  const policy = (): RobotsPolicy =>
    new RobotsPolicy({
      redis,
      keys,
      log: createLogger('silent'),
      userAgent: 'tinwatch-test',
      originMap: createOriginMap(
        Object.fromEntries(
          ['inward.test', 'mapped-hex.test', 'moved.test', 'huge.test'].map((h) => [
            `https://${h}`,
            `${outlet.base}/${h}`,
          ]),
        ),
      ),
    });

  it('refuses a redirect hop to a private address: the canary hears nothing and the host is not crawled', async () => {
    const p = policy();
    expect(await p.allowed('https://inward.test/news/a.html')).toBe(false);
    expect(await p.allowed('https://mapped-hex.test/news/a.html')).toBe(false);
    expect(canaryHits).toEqual([]);
  });

  it('follows a redirect within the mapped outlet', async () => {
    const p = policy();
    expect(await p.allowed('https://moved.test/news/a.html')).toBe(true);
    expect(await p.allowed('https://moved.test/secret/b.html')).toBe(false);
  });

  it('reads and caches only the first 500 KiB of a huge robots.txt', async () => {
    const p = policy();
    expect(await p.allowed('https://huge.test/a/b.html')).toBe(false);
    expect(await p.allowed('https://huge.test/news/c.html')).toBe(true);
    const cached = await redis.getBuffer(keys.robots('https://huge.test'));
    expect(cached!.length).toBeLessThanOrEqual(ROBOTS_MAX_BYTES);
    expect(cached!.length).toBeGreaterThan(ROBOTS_MAX_BYTES - 2_000);
  });
});
