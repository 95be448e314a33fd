// One real Redis for the whole test run: REDIS_URL when set, else a redis-server child on a free
// loopback port (no persistence), stopped at the end. Test files isolate by key prefix.
import type { TestProject } from 'vitest/node';
import { freePort, startRedisServer } from '../../base/redis/embedded-redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.REDIS_URL) {
    project.provide('redisUrl', process.env.REDIS_URL);
    return async () => undefined;
  }
  const server = await startRedisServer({ port: await freePort(), dir: null });
  project.provide('redisUrl', server.url);
  return () => server.stop();
}
