// The daily briefing on a demo run (issue 38): `tinwatch brief` run as the user runs it writes one
// self-contained page; Chromium reads its threads (the Osan air-defence thread: a first report, a
// copy, another outlet's own report, a follow-up with its lead), the 14-day chart and the
// borderline list, and no script or outside fetch is in it. The dashboard serves the same page at
// /brief/<day> behind its guards; --send mails it to a local SMTP server.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runDemo } from '../../app/demo/demo.js';
import { startDashboard, type Dashboard } from '../../app/dashboard/dashboard.js';
import { CHROMIUM_ARGS, chromiumPath } from '../../crawlers/chromium-launch.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { startSmtpCatcher } from '../helpers/smtp-catcher.js';
import { tempDir, testPrefix, testRuntime } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
const DAY = '2026-08-25';
const OSAN_FIRST = 'Lực lượng Mỹ tại Hàn Quốc tiếp nhận hệ thống phòng không mới';
const OSAN_FOLLOW_UP = 'Khẩu đội tên lửa mới tại Osan trực chiến từ ngày 3/9';
const BORDERLINE = 'Hàn Quốc công bố dự thảo ngân sách quốc phòng năm 2027';

describe('tinwatch brief on a demo run', () => {
  const prefix = testPrefix();
  const outDir = path.join(tempDir('tw-brief'), 'out');
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let browser: Browser;
  let dash: Dashboard;
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    TINWATCH_OUT: outDir,
    TINWATCH_PREFIX: prefix,
    REDIS_URL: inject('redisUrl'),
    LOG_LEVEL: 'warn',
    ...extra,
  });

  beforeAll(async () => {
    await runDemo(outDir, inject('redisUrl'), undefined, prefix, 'silent');
    rt = await testRuntime({ prefix, outDir, outFolder: 'none' });
    dash = await startDashboard(rt, { port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await dash?.close();
    await clearPrefix(rt.redis, prefix);
    await rt?.close();
  });

  it('writes the newest day’s page, which Chromium reads: threads, chart, borderline list, no script', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'brief'], { env: env(), timeout: 120_000 });
    const file = path.join(outDir, 'briefs', `${DAY}.html`);
    expect(stdout).toContain(`written to ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|javascript:|<link |<img |src=/i);

    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(`file://${file}`);
    expect(fetched).toEqual([`file://${file}`]); // nothing else was asked for
    expect(await page.locator('h1').textContent()).toBe(`tinwatch briefing: ${DAY}`);

    // The Osan thread ranks first: four outlets, a follow-up, another outlet's own report.
    const top = page.locator('#threads > li.thread').first();
    expect(await top.getAttribute('data-outlets')).toBe('4');
    expect(await top.getAttribute('data-follow-ups')).toBe('1');
    expect(await top.locator('h3 a').textContent()).toBe(OSAN_FIRST);
    const roles = await top
      .locator('.timeline li')
      .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-outlet'), li.getAttribute('data-role')]));
    expect(roles).toEqual([
      ['Sài Gòn Giải Phóng', 'first'],
      ['Tiền Phong', 'copy'],
      ['Công an Nhân dân', 'same-event'],
      ['VTV', 'follow-up'],
    ]);
    const followUp = top.locator('.timeline li[data-role="follow-up"]');
    expect(await followUp.locator('a').textContent()).toBe(OSAN_FOLLOW_UP);
    expect(await followUp.locator('.lead').textContent()).toContain('Đại tá Michael Harlan');
    expect(await page.locator('#threads > li.thread').count()).toBeGreaterThan(5);
    expect(await page.locator('#new-threads li').count()).toBeGreaterThan(0);

    // The chart: 14 days ending on the day, one row per outlet plus all outlets, bars with counts.
    const chart = page.locator('#coverage svg#coverage-chart');
    expect(await chart.locator('text.day').count()).toBe(14);
    expect(await chart.locator('text.day').last().getAttribute('data-day')).toBe(DAY);
    const vtvToday = chart.locator(`g.outlet-row[data-outlet="VTV"] rect.bar[data-day="${DAY}"]`);
    expect(await vtvToday.getAttribute('data-count')).toBe('2');
    expect(Number(await vtvToday.getAttribute('height'))).toBeGreaterThan(0);
    expect(await chart.locator('g.outlet-row.all').getAttribute('data-total')).not.toBe('0');

    // Every borderline story of the folder waits in the list (no one has marked any yet).
    const waiting = readFileSync(path.join(outDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => (JSON.parse(l) as { relevance?: { borderline?: boolean } }).relevance?.borderline === true);
    const borderline = await page.locator('#borderline li').allTextContents();
    expect(waiting.length).toBeGreaterThan(0);
    expect(borderline).toHaveLength(waiting.length);
    expect(borderline.some((t) => t.includes(BORDERLINE))).toBe(true);
    // Sources with no story in the last 3 days are named silent (Báo Tin tức's newest is from 2019).
    expect(await page.locator('#sources tr.silent[data-source="baotintuc"]').count()).toBe(1);
    await page.close();
  }, 180_000);

  it('serves the page at /brief/<day> with the dashboard’s guards, and links the thread page', async () => {
    const res = await fetch(`${dash.url}/brief/${DAY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect((await fetch(`${dash.url}/brief`, { redirect: 'manual' })).headers.get('location')).toBe(`/brief/${DAY}`);
    expect((await fetch(`${dash.url}/brief/2026-02-30`)).status).toBe(404);
    // GET only: a POST from elsewhere is refused by the guard, one from the dashboard finds no route.
    expect((await fetch(`${dash.url}/brief/${DAY}`, { method: 'POST' })).status).toBe(403);
    const own = { origin: dash.url };
    expect((await fetch(`${dash.url}/brief/${DAY}`, { method: 'POST', headers: own })).status).toBe(404);
    // A page of another site asking for it through a rebinding name is refused (421, misdirected).
    // (fetch() sends the real Host whatever it is told: node:http sends the forged one.)
    const forged = await new Promise<number>((resolve, reject) =>
      get(`${dash.url}/brief/${DAY}`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject),
    );
    expect(forged).toBe(421);

    const page = await browser.newPage();
    await page.goto(`${dash.url}/brief/${DAY}`);
    await page.locator('#threads > li.thread').first().locator('h3 a').click();
    await page.waitForURL(/\/thread\/[0-9a-f]{16}$/);
    expect(await page.locator('#thread-title').textContent()).toBe(OSAN_FIRST);
    expect(await page.locator('#thread-summary').textContent()).toContain(
      '4 outlets · 1 follow-up · 1 other report · 1 copy',
    );
    expect(await page.locator('.timeline li[data-role="follow-up"] .lead').textContent()).toContain('3/9');
    await page.close();
  }, 60_000);

  it('--send mails the page through the watchlist’s email channel to a local SMTP server', async () => {
    const smtp = await startSmtpCatcher();
    try {
      const { stdout } = await run(process.execPath, [BIN, 'brief', '--day', DAY, '--send'], {
        env: env({ TINWATCH_SMTP_URL: smtp.url }),
        timeout: 120_000,
      });
      expect(stdout).toContain('sent through channel "email" to analysts@localhost');
      expect(smtp.mails).toHaveLength(1);
      const mail = smtp.mails[0]!;
      expect(mail.to).toEqual(['analysts@localhost']);
      expect(mail.data).toMatch(/X-Tinwatch-Idempotency-Key: brief-2026-08-25/);
      expect(mail.data).toMatch(/Content-Type: text\/html/);
      expect(mail.data).toMatch(/Content-Type: text\/plain/);
    } finally {
      await smtp.close();
    }
    // No SMTP address set: one line, exit 2, nothing written about a send.
    const failed = await run(process.execPath, [BIN, 'brief', '--send'], {
      env: env({ TINWATCH_SMTP_URL: '' }),
    }).catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toMatch(/TINWATCH_SMTP_URL is not set/);
  }, 180_000);
});
