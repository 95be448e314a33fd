// The embedded default: a real redis-server child with append-only persistence that survives a
// restart, and one clear message when no redis-server program exists.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { pino } from 'pino';
import { freePort, NO_REDIS_SERVER_MESSAGE, redisAnswers, startRedisServer } from '../../base/redis/embedded-redis.js';
import { resolveRedis } from '../../base/redis/resolve-redis.js';
import { tempDir } from '../helpers/test-runtime.js';

describe('embedded redis-server', () => {
  it('persists data across a restart through its append-only file', async () => {
    const dir = tempDir('tw-redis');
    const port = await freePort();
    const a = await startRedisServer({ port, dir });
    const c1 = new Redis(a.url);
    await c1.set('tw:probe', 'kept');
    c1.disconnect();
    await a.stop();
    expect(existsSync(path.join(dir, 'appendonlydir'))).toBe(true);
    const b = await startRedisServer({ port, dir });
    const c2 = new Redis(b.url);
    expect(await c2.get('tw:probe')).toBe('kept');
    expect((await c2.config('GET', 'maxmemory-policy'))[1]).toBe('noeviction');
    c2.disconnect();
    await b.stop();
  });

  it('says how to get Redis when there is no redis-server program', async () => {
    await expect(
      startRedisServer({ port: await freePort(), dir: null, binary: '/nonexistent/redis-server' }),
    ).rejects.toThrow(NO_REDIS_SERVER_MESSAGE);
    expect(NO_REDIS_SERVER_MESSAGE).toMatch(/apt-get install redis-server/);
    expect(NO_REDIS_SERVER_MESSAGE).toMatch(/brew install redis/);
    expect(NO_REDIS_SERVER_MESSAGE).toMatch(/docker compose up -d redis/);
  });

  it('resolveRedis: REDIS_URL first, then the default address, else an embedded server it stops', async () => {
    const log = pino({ level: 'silent' });
    const given = await resolveRedis({ redisUrl: inject('redisUrl'), dataDir: tempDir('tw-x'), log });
    expect(given).toMatchObject({ url: inject('redisUrl'), embedded: false });
    // A REDIS_URL named on purpose must answer: no silent fallback, and no retrying for ever.
    await expect(
      resolveRedis({ redisUrl: 'redis://example.invalid:1', dataDir: tempDir('tw-x'), log }),
    ).rejects.toThrow('cannot reach Redis at redis://example.invalid:1 (REDIS_URL): ENOTFOUND');

    const port = await freePort();
    const dataDir = tempDir('tw-data');
    const embedded = await resolveRedis({ dataDir, log, defaultPort: port });
    expect(embedded).toMatchObject({ url: `redis://127.0.0.1:${port}`, embedded: true });
    expect(existsSync(path.join(dataDir, 'redis'))).toBe(true);
    // While it runs, a second process finds it on the default address and does not start another.
    const reused = await resolveRedis({ dataDir, log, defaultPort: port });
    expect(reused.embedded).toBe(false);
    await embedded.stop();
    expect(await redisAnswers(`redis://127.0.0.1:${port}`, 300)).toBe(false);
  });
});
