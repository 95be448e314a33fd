// Which Redis tinwatch talks to: REDIS_URL if set; else 127.0.0.1:6379 if it answers; else an
// embedded redis-server child with its data under data/redis.
import path from 'node:path';
import type { Logger } from '../logger.js';
import { redisAnswers, startRedisServer } from './embedded-redis.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RedisTarget {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function resolveRedis(opts: { redisUrl?: string; dataDir: string; log: Logger }): Promise<RedisTarget> {
  if (opts.redisUrl) return { url: opts.redisUrl, embedded: false, stop: async () => undefined };
  if (await redisAnswers(DEFAULT_REDIS_URL)) {
    return { url: DEFAULT_REDIS_URL, embedded: false, stop: async () => undefined };
  }
  const dir = path.join(opts.dataDir, 'redis');
  opts.log.info({ dir }, 'no Redis answers on 127.0.0.1:6379: starting an embedded redis-server');
  const server = await startRedisServer({ port: 6379, dir });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}
