// Every URL discovered on a day ends in exactly one bucket, and the buckets add up to the URLs
// discovered: a crawl of the bundled recorded sites through the replay server, then the ledger as
// `tinwatch report`, /accounting and /metrics show it, checked against the run's own summary.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayReport, printDayReport, type DayReport } from '../../app/cli/day-report.js';
import { crawlOnce, type RunSummary } from '../../workers/run-once/crawl-once.js';
import { dashboardApp } from '../../app/dashboard/dashboard.js';
import { freshness, quantile } from '../../app/dashboard/freshness.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { BUCKETS } from '../../src/stats/url-ledger.js';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { BUNDLED_FIRST_RUN_TOTALS } from '../helpers/bundled-run.js';
import { SITES } from '../helpers/fixtures.js';
import { testRuntime } from '../helpers/test-runtime.js';

describe('URL ledger: every discovered URL accounted for', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let run: RunSummary;
  let report: DayReport;

  beforeAll(async () => {
    replay = await startReplayServer(SITES);
    rt = await testRuntime({ originMap: replayOriginMap(replay.url, readdirSync(SITES)) });
    run = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    report = await dayReport(rt);
  }, 240_000);
  afterAll(async () => {
    await rt?.cleanup();
    await replay?.close();
  });

  it('puts each URL in one bucket; the buckets add up to the URLs discovered, none left in progress', () => {
    expect(report.sources).toHaveLength(20);
    for (const s of report.sources) {
      const sum = BUCKETS.reduce((a, b) => a + s.counts[b], 0);
      expect(sum, s.source).toBe(s.discovered);
      expect(s.counts['in-progress'], s.source).toBe(0);
    }
  });

  it('agrees with the run: written, duplicate and off-topic per source; article URLs = discovered', () => {
    for (const r of run.sources) {
      const s = report.sources.find((x) => x.source === r.sourceId)!;
      expect(s.counts.written + s.counts.borderline, r.sourceId).toBe(r.written);
      expect(s.counts.duplicate, r.sourceId).toBe(r.duplicate);
      expect(s.counts['off-topic'], r.sourceId).toBe(r.offTopic);
      // Links the URL rules refused are discovered too, but are no article URLs.
      expect(s.discovered - s.counts.rejected, r.sourceId).toBe(r.discovered);
    }
    const total = report.sources.reduce((a, s) => a + s.discovered - s.counts.rejected, 0);
    expect(total).toBe(BUNDLED_FIRST_RUN_TOTALS.discovered);
    // Off-topic URLs carry the classifier's reason.
    const vnx = report.sources.find((s) => s.source === 'vnexpress')!;
    expect(Object.keys(vnx.details['off-topic'] ?? {}).length).toBeGreaterThan(0);
  });

  it('shows the same figures in the report, on /accounting and in /metrics', async () => {
    const text = printDayReport(report);
    expect(text).toMatch(new RegExp(`^TOTAL +${report.sources.reduce((a, s) => a + s.discovered, 0)} `, 'm'));
    const app = dashboardApp(rt, { boundHost: '127.0.0.1', loopback: true, allowedHosts: [] });
    const get = async (p: string) =>
      (await app.request(`http://127.0.0.1${p}`, { headers: { host: '127.0.0.1' } })).text();
    const page = await get('/accounting');
    const vnx = report.sources.find((s) => s.source === 'vnexpress')!;
    expect(page).toContain(`<tr data-source="vnexpress"><td>vnexpress</td><td class="num">${vnx.discovered}</td>`);
    const metrics = await get('/metrics');
    expect(metrics).toContain(`tinwatch_urls_today{source="vnexpress",outcome="written"} ${vnx.counts.written}`);
    expect(metrics).toContain(`tinwatch_urls_today{source="vnexpress",outcome="discovered"} ${vnx.discovered}`);
  });

  it("shows each outlet's minutes from publication to written (median, p90) on /accounting and in /metrics", async () => {
    const app = dashboardApp(rt, { boundHost: '127.0.0.1', loopback: true, allowedHosts: [] });
    const get = async (p: string) =>
      (await app.request(`http://127.0.0.1${p}`, { headers: { host: '127.0.0.1' } })).text();
    const fresh = await freshness(rt);
    const vnx = fresh.find((f) => f.source === 'vnexpress')!;
    const written = run.sources.find((r) => r.sourceId === 'vnexpress')!.written;
    expect(vnx.written.n).toBe(written);
    expect(vnx.written.median).toBeGreaterThan(0);
    expect(vnx.written.p90!).toBeGreaterThanOrEqual(vnx.written.median!);
    expect(await get('/accounting')).toContain('<table id="freshness">');
    expect(await get('/metrics')).toMatch(
      /tinwatch_publication_delay_minutes\{source="vnexpress",stage="written",quantile="0\.9"\} \d/,
    );
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([], 0.5)).toBeNull();
  });
});
