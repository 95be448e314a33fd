// With no network, every source fails at its first poll or crawl, and the operator sees it at once:
// /metrics has every configured source failing with its cause, the dashboard row is red with the
// cause and since when, and the terminal says it in one line per cause instead of one per feed.
// The hosts are `.invalid` names (RFC 6761: they never resolve) and a loopback port nobody
// listens on; the pipeline runs as `tinwatch start` runs it, with the real crawl worker.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardApp } from '../../app/dashboard/dashboard.js';
import { queueFirstCrawls } from '../../app/cli/first-crawls.js';
import { freePort } from '../../base/redis/embedded-redis.js';
import { startCrawlWorker } from '../../workers/crawl-worker.js';
import { syncSchedulers } from '../../workers/scheduler.js';
import { testRuntime } from '../helpers/test-runtime.js';
import { testSource } from '../helpers/test-source.js';
import { until } from '../helpers/until.js';

interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

function startPipeline(sources: ReturnType<typeof testSource>[], originMap?: Record<string, string>) {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as LogLine);
      done();
    },
  });
  return (async () => {
    const rt = await testRuntime({
      sources,
      ...(originMap ? { originMap } : {}),
      env: { TINWATCH_HOST_DELAY_MS: 0, TINWATCH_REQUEST_TIMEOUT_SECS: 5 },
      log: pino({ level: 'debug' }, sink),
    });
    await syncSchedulers(rt);
    const worker = startCrawlWorker(rt);
    await queueFirstCrawls(rt, new Map(rt.sources.map((s, i) => [s.id, i * 200])));
    const app = dashboardApp(rt, { boundHost: '127.0.0.1', loopback: true, allowedHosts: [] });
    const get = async (p: string) =>
      (await app.request(`http://127.0.0.1${p}`, { headers: { host: '127.0.0.1' } })).text();
    return { rt, worker, lines, get };
  })();
}

describe('no network: every source is seen failing within one poll', () => {
  // Two feed-only sources (polled) and one listing-only source (crawled), as with the real outlets.
  const sources = [
    testSource('tw-feeds-a.invalid'),
    testSource('tw-feeds-b.invalid'),
    testSource('tw-listing.invalid', {
      discovery: { listings: [{ url: 'https://tw-listing.invalid/the-gioi', linkSelector: 'a' }] },
    }),
  ];
  let p: Awaited<ReturnType<typeof startPipeline>>;

  beforeAll(async () => {
    p = await startPipeline(sources);
  }, 30_000);
  afterAll(async () => {
    await p?.worker.close();
    await p?.rt.cleanup();
  });

  it('shows every source failing in /metrics, red on the dashboard, and one line in the terminal', async () => {
    const metrics = await until('every source failing in /metrics', async () => {
      const m = await p.get('/metrics');
      return sources.every((s) => m.includes(`tinwatch_source_failing{source="${s.id}",cause="dns"} 1`)) && m;
    });
    for (const s of sources) {
      expect(metrics).toMatch(new RegExp(`tinwatch_source_failures_total\\{source="${s.id}",cause="dns"\\} [1-9]`));
      expect(metrics).toContain(`tinwatch_source_last_success_timestamp_seconds{source="${s.id}"} 0`);
      expect(metrics).toMatch(
        new RegExp(`tinwatch_source_failing_since_timestamp_seconds\\{source="${s.id}"\\} [1-9]`),
      );
    }

    const page = await p.get('/');
    for (const s of sources) {
      const row = new RegExp(`<tr class="failing" data-source="${s.id}">.*?</tr>`, 's').exec(page)?.[0] ?? '';
      expect(row, s.id).toContain('<strong>failing</strong> since');
      expect(row).toContain('DNS lookup fails');
      expect(row).toMatch(/\((robots\.txt|HTML fetch): [^)]*ENOTFOUND/);
    }
    // The listing source's crawl failed every discovery fetch: "Failed last crawl" says how, not "none".
    await until('the failed crawl counted on its row', async () =>
      /data-source="tw-listing">(?:(?!<\/tr>).)*<td class="bad">1 robots-unreachable<\/td>/s.test(await p.get('/')),
    );
    // The feed-only sources' polls say they failed, not just when they ran.
    expect(page.match(/class="bad poll-failed"/g)?.length).toBe(2);

    const summary = await until('the one-line summary', async () =>
      p.lines.find((l) => l.msg === '3 of 3 sources: DNS lookup fails — is the network down?'),
    );
    expect(summary.level).toBe(40);
    // Nothing else at warn or above: no line per feed, per fetch, per retry.
    const loud = p.lines.filter((l) => l.level >= 40 && l !== summary).map((l) => l.msg);
    expect(loud).toEqual([]);
  });
});

describe('a refused port: each source said once, with the cause', () => {
  let p: Awaited<ReturnType<typeof startPipeline>>;
  const sources = [testSource('tw-refused.example.vn')];

  beforeAll(async () => {
    const port = await freePort(); // free now, and nobody listens on it
    p = await startPipeline(sources, { 'https://tw-refused.example.vn': `http://127.0.0.1:${port}` });
  }, 30_000);
  afterAll(async () => {
    await p?.worker.close();
    await p?.rt.cleanup();
  });

  it('is failing for "refused" with the time it started, and the terminal says "1 of 1 sources"', async () => {
    await until('the failure in /metrics', async () =>
      (await p.get('/metrics')).includes('tinwatch_source_failing{source="tw-refused",cause="refused"} 1'),
    );
    const h = await p.rt.stats.health('tw-refused');
    expect(Date.parse(h.failingSince!)).toBeGreaterThan(Date.now() - 60_000);
    expect(h.failingReason).toMatch(/asked again after \d\d:\d\d:\d\d UTC/);
    const line = await until('the summary line', async () => p.lines.find((l) => /^1 of 1 sources/.test(l.msg)));
    expect(line.msg).toBe('1 of 1 sources: connection refused');
  });
});
