// Which Redis tinwatch talks to: REDIS_URL if set; else 127.0.0.1:6379 if it answers; else an
// embedded redis-server child with its data under data/redis.
import path from 'node:path';
import type { Logger } from '../logger.js';
import net from 'node:net';
import { redactUrl } from '../url/redact-url.js';
import { RedisUnavailableError } from '../errors.js';
import { probeRedis, redisAnswers, startRedisServer } from './embedded-redis.js';

/** How long a REDIS_URL has to answer at start (docs/configuration.md promises exit 2 within 10 s). */
const PROBE_TIMEOUT_MS = 5_000;

/** Whether something accepts TCP connections on this loopback port. */
function portListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.setTimeout(1_000);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(false));
  });
}

export interface RedisTarget {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface ResolveRedisOptions {
  redisUrl?: string;
  dataDir: string;
  log: Logger;
  /** Port of the default address (6379; tests use a free one). */
  defaultPort?: number;
}

export async function resolveRedis(opts: ResolveRedisOptions): Promise<RedisTarget> {
  if (opts.redisUrl) {
    // A Redis named on purpose must answer now: one line and exit 2, not workers retrying forever.
    const probe = await probeRedis(opts.redisUrl, PROBE_TIMEOUT_MS);
    if (!probe.ok)
      throw new RedisUnavailableError(`cannot reach Redis at ${redactUrl(opts.redisUrl)} (REDIS_URL): ${probe.reason}`);
    return { url: opts.redisUrl, embedded: false, stop: async () => undefined };
  }
  const port = opts.defaultPort ?? 6379;
  const defaultUrl = `redis://127.0.0.1:${port}`;
  if (await redisAnswers(defaultUrl)) {
    return { url: defaultUrl, embedded: false, stop: async () => undefined };
  }
  if (await portListening(port)) {
    throw new RedisUnavailableError(
      `127.0.0.1:${port} is taken by a program that is not Redis (it did not answer PING): stop it, or set REDIS_URL to your Redis`,
    );
  }
  const dir = path.join(opts.dataDir, 'redis');
  opts.log.info({ dir, port }, 'no Redis answers on the default address: starting an embedded redis-server');
  const server = await startRedisServer({ port, dir });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}
