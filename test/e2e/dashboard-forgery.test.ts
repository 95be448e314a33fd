// A web page in the operator's browser cannot drive the dashboard: a page on another origin that
// POSTs a job to bull-board's API (text/plain, no preflight) and a form to /relevance/mark is
// refused, and a DNS-rebinding page (its own name resolving to 127.0.0.1) gets 421. The same
// POST from the dashboard's own page goes through, so the refusals are the guard's doing. A token
// set while bound to loopback is honoured.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../crawlers/chromium-launch.js';
import { startDashboard, type Dashboard } from '../../app/dashboard/dashboard.js';
import { testRuntime } from '../helpers/test-runtime.js';

const addJob = (dashUrl: string) => `fetch('${dashUrl}/queues/api/queues/alert/add', {
  method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' },
  body: JSON.stringify({ name: 'forged', data: { kind: 'instant', channel: 'log' } }),
}).then((r) => r.status).catch(() => 'blocked')`;

describe('dashboard against a page in the operator’s browser', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let dash: Dashboard;
  let evil: http.Server;
  let evilUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    rt = await testRuntime();
    dash = await startDashboard(rt, { port: 0 });
    evil = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!DOCTYPE html><html><body>
<form id="mark" method="post" action="${dash.url}/relevance/mark" enctype="text/plain"><input name="id" value="x"></form>
<script>window.forged = ${addJob(dash.url)};</script></body></html>`);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
      headless: true,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    evil?.close();
    await dash?.close();
    await rt?.cleanup();
  });

  const alertJobs = async (): Promise<number> =>
    Object.values(await rt.queues.alert.getJobCounts()).reduce((a, b) => a + b, 0);

  it('refuses a forged POST to bull-board and a forged form from another origin', async () => {
    const page = await browser.newPage();
    await page.goto(evilUrl);
    await page.evaluate(() => (window as unknown as { forged: Promise<unknown> }).forged);
    const refused = page.waitForResponse((r) => r.url().endsWith('/relevance/mark'));
    await page.evaluate(() => (document.getElementById('mark') as HTMLFormElement).submit());
    expect((await refused).status()).toBe(403);
    expect(await alertJobs()).toBe(0);
    await page.close();
  });

  it('lets the dashboard’s own page make the same request', async () => {
    const page = await browser.newPage();
    await page.goto(dash.url);
    expect(await page.evaluate(addJob(dash.url))).toBe(200);
    await expect.poll(alertJobs).toBe(1);
    await rt.queues.alert.obliterate({ force: true });
    await page.close();
  });

  it('answers a DNS-rebinding page (a foreign Host) with 421', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`http://rebind.test:${new URL(dash.url).port}/queues/api/queues`);
    expect(res?.status()).toBe(421);
    expect(await page.content()).not.toContain('"queues"');
    await page.close();
  });

  it('honours a token set while bound to loopback', async () => {
    const withToken = await startDashboard(rt, { port: 0, token: 'sekrit-token' });
    try {
      expect((await fetch(`${withToken.url}/`)).status).toBe(401);
      expect((await fetch(`${withToken.url}/`, { headers: { authorization: 'Bearer sekrit-token' } })).status).toBe(
        200,
      );
    } finally {
      await withToken.close();
    }
  });
});
