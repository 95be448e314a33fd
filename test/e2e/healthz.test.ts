// /healthz tells a supervisor the truth within a second: 200 while Redis answers, 503 as soon as
// it is gone (the health check does not wait in ioredis's queue for Redis to come back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from '../../app/dashboard/dashboard.js';
import { freePort, startRedisServer, type RedisServerProcess } from '../../base/redis/embedded-redis.js';
import { testRuntime } from '../helpers/test-runtime.js';

describe('/healthz during a Redis outage', () => {
  let server: RedisServerProcess;
  let port: number;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let dash: Dashboard;

  beforeAll(async () => {
    port = await freePort();
    server = await startRedisServer({ port, dir: null });
    rt = await testRuntime({ env: { REDIS_URL: server.url } });
    dash = await startDashboard(rt, { port: 0 });
  }, 30_000);
  afterAll(async () => {
    await dash?.close();
    // Redis back on its port, so the runtime's queues and clients close cleanly.
    server = await startRedisServer({ port, dir: null });
    await rt?.close();
    await server.stop();
  }, 30_000);

  it('answers 200 with Redis up and 503 within a second once it is down', async () => {
    const up = await fetch(`${dash.url}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ ok: true, redis: 'up' });
    await server.stop();
    const t0 = Date.now();
    const down = await fetch(`${dash.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, redis: 'unreachable' });
    // The bound is the route's own timer, not the machine's speed: well under the 5 s abort.
    expect(Date.now() - t0).toBeLessThan(1_000 + 1_000);
  });
});
