// Which Redis tinwatch talks to: REDIS_URL if set; else 127.0.0.1:6379 if it answers; else an
// embedded redis-server child with its data under data/redis.
import path from 'node:path';
import type { Logger } from '../logger.js';
import { redisAnswers, startRedisServer } from './embedded-redis.js';

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
  if (opts.redisUrl) return { url: opts.redisUrl, embedded: false, stop: async () => undefined };
  const port = opts.defaultPort ?? 6379;
  const defaultUrl = `redis://127.0.0.1:${port}`;
  if (await redisAnswers(defaultUrl)) {
    return { url: defaultUrl, embedded: false, stop: async () => undefined };
  }
  const dir = path.join(opts.dataDir, 'redis');
  opts.log.info({ dir, port }, 'no Redis answers on the default address: starting an embedded redis-server');
  const server = await startRedisServer({ port, dir });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}
