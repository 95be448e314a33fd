// Bad day: a hostile page frames the dashboard (issue 32, finding 4). A page on another loopback
// origin puts the dashboard in an iframe and clicks "crawl now" through it: the browser must refuse
// to render the frame (frame-ancestors 'none', X-Frame-Options: DENY), so no crawl is queued. Every
// answer carries both headers, refusals too, and every state-changing route (bull-board's included,
// no token set) still refuses a request that does not come from the dashboard's own pages.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../../crawlers/chromium-launch.js';
import { dashboardApp, startDashboard, type Dashboard } from '../../../app/dashboard/dashboard.js';
import { testRuntime } from '../../helpers/test-runtime.js';
import { testSource } from '../../helpers/test-source.js';
import { JOB } from '../../../base/queues.js';

describe('bad day: the dashboard inside a hostile frame', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let dash: Dashboard;
  let evil: http.Server;
  let evilUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    rt = await testRuntime({ sources: [testSource('framed.test')] });
    dash = await startDashboard(rt, { port: 0 });
    evil = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!DOCTYPE html><html><body><p>win a prize</p>
<iframe id="dash" src="${dash.url}/#sources" width="1200" height="900"></iframe></body></html>`);
    });
    // "localhost" is another origin (and site) than the dashboard's 127.0.0.1.
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
    evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    evil?.close();
    await dash?.close();
    await rt?.cleanup();
  });

  // Crawls a click queued (the crawl queue also holds the source's feed-poll jobs).
  const crawlJobs = async (): Promise<number> =>
    (await rt.queues.crawl.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter(
      (j) => j.name === JOB.crawl,
    ).length;

  it('the browser refuses to render the framed dashboard, so a click cannot queue a crawl', async () => {
    const page = await browser.newPage();
    const framed = page.waitForResponse((r) => r.url().startsWith(dash.url));
    await page.goto(evilUrl);
    const answer = await framed;
    expect(answer.headers()['x-frame-options']).toBe('DENY');
    expect(answer.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForLoadState();
    // A blocked frame holds Chromium's error page, never the dashboard's buttons.
    const buttons = await frame.locator('button.crawl-now').count();
    expect(buttons).toBe(0);
    await frame
      .locator('button.crawl-now')
      .click({ timeout: 1_500 })
      .catch(() => undefined);
    expect(await crawlJobs()).toBe(0);
    await page.close();
  });

  it('the same page opened directly still shows the button, and it queues the crawl', async () => {
    const page = await browser.newPage();
    await page.goto(dash.url);
    await page.locator('button.crawl-now').click();
    await page.waitForURL(/queued=framed/);
    await expect.poll(crawlJobs).toBe(1);
    await rt.queues.crawl.obliterate({ force: true });
    await page.close();
  });

  it('every answer carries the frame headers, a refusal included', async () => {
    for (const [path, status] of [
      ['/healthz', 200],
      ['/queues', 200],
      ['/no-such-page', 404],
    ] as const) {
      const res = await fetch(`${dash.url}${path}`);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
    // A foreign Host (fetch() cannot set one: the app is asked directly).
    const app = dashboardApp(rt, { boundHost: '127.0.0.1', loopback: true });
    const refused = await app.request('http://evil.example/', { headers: { host: 'evil.example' } });
    expect(refused.status).toBe(421);
    expect(refused.headers.get('x-frame-options')).toBe('DENY');
  });

  it('every state-changing route, bull-board’s included, refuses a request from elsewhere without a token', async () => {
    const app = dashboardApp(rt, { boundHost: '127.0.0.1', loopback: true });
    const writes = app.routes.filter((r) => !['GET', 'HEAD', 'OPTIONS', 'ALL'].includes(r.method));
    // The dashboard's own forms and bull-board's API (add, retry, clean, pause…) are all there.
    expect(writes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/relevance/mark', '/sources/:id/crawl', '/skipped/mark']),
    );
    expect(writes.filter((r) => r.path.startsWith('/queues/api/')).length).toBeGreaterThan(5);
    for (const r of writes) {
      const path = r.path.replace(/:[A-Za-z]+/g, 'x');
      for (const origin of [undefined, 'http://localhost:1']) {
        const res = await app.request(`http://127.0.0.1${path}`, {
          method: r.method,
          headers: { host: '127.0.0.1', 'content-type': 'text/plain', ...(origin ? { origin } : {}) },
          body: r.method === 'GET' ? undefined : '{}',
        });
        expect(res.status, `${r.method} ${r.path} from ${origin ?? 'nowhere'}`).toBe(403);
      }
    }
    expect(await crawlJobs()).toBe(0);
  });
});
