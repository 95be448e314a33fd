// Per-host politeness across workers (Redis gate) and the circuit breaker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostPausedError } from '../../crawlers/errors.js';
import { BREAKER_RECHECK_MS, BREAKER_THRESHOLD, HostPolicy } from '../../crawlers/host-policy.js';
import { crawlSource } from '../../crawlers/crawl/crawl-source.js';
import { loadSources } from '../../config/load-sources.js';
import { testRuntime } from '../helpers/test-runtime.js';
import { plainCrawlDeps } from '../helpers/crawl-deps.js';

describe('host policy', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    rt = await testRuntime();
  });
  afterAll(async () => {
    await rt.cleanup();
  });

  it('spaces requests to one host across workers, and not across hosts', async () => {
    // Two policies on two connections stand for two worker processes.
    const a = new HostPolicy({ redis: rt.redis, keys: rt.keys, log: rt.log }, 300);
    const b = new HostPolicy({ redis: rt.workerConnection(), keys: rt.keys, log: rt.log }, 300);
    const started = Date.now();
    const times = await Promise.all(
      [a, b, a, b].map(async (p) => (await p.waitTurn('vnexpress.net'), Date.now() - started)),
    );
    times.sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(280);
    const t0 = Date.now();
    await a.waitTurn('dantri.com.vn');
    expect(Date.now() - t0).toBeLessThan(100);
  });

  it('pauses a host after repeated failures, skips its crawl, and reports until when', async () => {
    const p = new HostPolicy({ redis: rt.redis, keys: rt.keys, log: rt.log }, 0);
    for (let i = 1; i < BREAKER_THRESHOLD; i++) expect(await p.failure('baotintuc.vn', 'HTTP 503')).toBe(false);
    await p.success('baotintuc.vn'); // a success resets the count
    for (let i = 1; i < BREAKER_THRESHOLD; i++) expect(await p.failure('baotintuc.vn', 'HTTP 503')).toBe(false);
    expect(await p.failure('baotintuc.vn', 'HTTP 503')).toBe(true);
    expect(await p.pausedUntil('baotintuc.vn')).toBeInstanceOf(Date);
    await expect(p.waitTurn('baotintuc.vn')).rejects.toBeInstanceOf(HostPausedError);
    const source = loadSources().find((s) => s.id === 'baotintuc')!;
    const summary = await crawlSource(
      {
        ...plainCrawlDeps(rt),
      },
      source,
    );
    expect(summary.pausedUntil).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(summary.discovered).toBe(0);
  });

  it("sees another worker's pause and failures within the recheck interval, its own at once", async () => {
    const here = new HostPolicy({ redis: rt.redis, keys: rt.keys, log: rt.log }, 0);
    const other = new HostPolicy({ redis: rt.workerConnection(), keys: rt.keys, log: rt.log }, 0);
    const host = 'vov.vn';
    const failures = async () => Number((await rt.redis.get(rt.keys.hostFailures(host))) ?? 0);

    // A failure counted here is cleared by the next success here, however soon.
    await here.success(host);
    await here.failure(host, 'HTTP 503');
    await here.success(host);
    expect(await failures()).toBe(0);

    // Failures counted by another worker: a success here just after a reset leaves them (a run of
    // requests costs one reset per interval, not one per request), a later success clears them.
    await other.failure(host, 'HTTP 503');
    await other.failure(host, 'HTTP 503');
    await here.success(host);
    expect(await failures()).toBe(2);
    await new Promise((r) => setTimeout(r, BREAKER_RECHECK_MS + 50));
    await here.success(host);
    expect(await failures()).toBe(0);

    // A pause set by the other worker stops requests here within the interval.
    await here.waitTurn(host);
    for (let i = 0; i < BREAKER_THRESHOLD; i++) await other.failure(host, 'HTTP 503');
    await new Promise((r) => setTimeout(r, BREAKER_RECHECK_MS + 50));
    await expect(here.waitTurn(host)).rejects.toBeInstanceOf(HostPausedError);
  });
});
