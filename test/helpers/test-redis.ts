// A test file's own Redis: a connection to the suite's Redis and a fresh key prefix, with the
// prefix's keys removed and the connection closed after the file (or the describe block that
// calls it). Tests share one Redis, so each works under its own prefix and never flushes.
import { Redis } from 'ioredis';
import { afterAll, inject } from 'vitest';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { createKeys, type Keys } from '../../base/redis/keys.js';
import { testPrefix } from './test-runtime.js';

export function testRedis(): { prefix: string; keys: Keys; redis: Redis } {
  const prefix = testPrefix();
  const redis = new Redis(inject('redisUrl'));
  afterAll(async () => {
    await clearPrefix(redis, prefix);
    redis.disconnect();
  });
  return { prefix, keys: createKeys(prefix), redis };
}
