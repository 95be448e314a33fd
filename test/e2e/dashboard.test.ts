// The dashboard in a real browser: Playwright driving Debian's Chromium loads the overview after
// a test crawl, sees its articles, clicks one open; /queues serves bull-board; /metrics reports
// the crawl; bound beyond loopback it demands a token.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../crawlers/discovery/feed-parser.js';
import { CHROMIUM_ARGS, chromiumPath } from '../../crawlers/chromium-launch.js';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { startDashboard, type Dashboard } from '../../app/dashboard/dashboard.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { goldenCases, SITES } from '../helpers/fixtures.js';
import { testRuntime } from '../helpers/test-runtime.js';
import { vietnamTime } from '../../src/text/vietnam-time.js';
import { exportMarks, listMarks } from '../../src/relevance/relevance-marks.js';
import { BUNDLED_FIRST_RUN_TOTALS } from '../helpers/bundled-run.js';
import { JOB } from '../../base/queues.js';

interface ManifestLine {
  type: string;
  id: string;
  url: string;
  outlet: string;
  fetched_at: string;
  duplicate_of: { id: string; url: string; outlet: string; written_at: string };
  match: { similarity: number; containment: number };
}

/** With TINWATCH_SCREENSHOTS=DIR, each page is saved there as PNG (the pictures in docs/dashboard.md). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.TINWATCH_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

describe('dashboard', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let dash: Dashboard;
  let browser: Browser;

  beforeAll(async () => {
    replay = await startReplayServer(SITES);
    rt = await testRuntime({ originMap: replayOriginMap(replay.url, readdirSync(SITES)) });
    await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    dash = await startDashboard(rt, { port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await dash?.close();
    await rt.cleanup();
    await replay.close();
  });

  it('lists the crawl’s articles and opens one on click', async () => {
    const page = await browser.newPage();
    await page.goto(dash.url);
    const rows = page.locator('#articles tr[data-story]');
    expect(await rows.count()).toBe(BUNDLED_FIRST_RUN_TOTALS.written);
    const titles = await page.locator('#articles a.article-link').allTextContents();
    expect(titles).toContain('Mỹ và Hàn Quốc thống nhất phối hợp chặt chẽ hơn về an ninh');
    const row = page.locator('#articles tr', { hasText: 'Mỹ và Hàn Quốc thống nhất phối hợp chặt chẽ hơn về an ninh' });
    expect(await row.locator('td').nth(1).textContent()).toBe('Báo Tin tức (TTXVN)');
    // The KIDD story was also carried under a second URL: story size 2.
    const kidd = page.locator('#articles tr', { hasText: 'Đối thoại quốc phòng tích hợp KIDD lần thứ 16' });
    expect(await kidd.locator('td').nth(3).textContent()).toBe('2');
    expect(await page.locator('#sources tr', { hasText: 'VnExpress' }).locator('td').nth(4).textContent()).toBe('3');
    // crawl --once reads the feeds itself: no feed poll ran.
    expect(await page.locator('#sources tr', { hasText: 'VnExpress' }).locator('td.feed-poll').textContent()).toBe('–');
    expect(await page.locator('#alerts-sent tr').count()).toBe(1 + BUNDLED_FIRST_RUN_TOTALS.alerts); // + header

    await page
      .locator('#articles a.article-link', { hasText: 'Mỹ và Hàn Quốc thống nhất phối hợp chặt chẽ hơn về an ninh' })
      .click();
    await page.waitForSelector('#article-text');
    const golden = goldenCases().find((g) => g.name === 'security-adviser-seoul')!;
    expect(await page.locator('#article-text').textContent()).toBe(golden.expectedText);
    await page.close();
  });

  it('queues a crawl of one source from its "crawl now" button, once however often it is pressed', async () => {
    const page = await browser.newPage();
    await page.goto(dash.url);
    const button = page.locator('#sources tr', { hasText: 'VnExpress' }).locator('button.crawl-now');
    await button.click();
    await page.waitForURL(/queued=vnexpress/);
    await page.locator('#sources tr', { hasText: 'VnExpress' }).locator('button.crawl-now').click();
    await page.waitForURL(/queued=vnexpress/);
    const waiting = await rt.queues.crawl.getJobs(['waiting', 'delayed', 'prioritized']);
    const ofVnexpress = waiting.filter((j) => (j.data as { sourceId?: string }).sourceId === 'vnexpress');
    expect(ofVnexpress.filter((j) => j.name === JOB.crawl)).toHaveLength(1);
    // Its feed is polled now too: the feed's one poll job, waiting to run, not delayed.
    const polls = ofVnexpress.filter((j) => j.name === JOB.poll);
    expect(polls.map((j) => (j.data as { feed: string }).feed)).toEqual(rt.sourceById('vnexpress').discovery.feeds);
    for (const p of polls) expect(await p.getState()).not.toBe('delayed');
    // A page elsewhere cannot press it (the guard refuses a cross-site POST).
    const forged = await fetch(`${dash.url}/sources/vnexpress/crawl`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    await rt.queues.crawl.drain(true);
    await page.close();
  });

  it('serves Atom and JSON feeds of every on-topic story and of each rule, which feed parsers read', async () => {
    const get = async (p: string): Promise<Response> => fetch(`${dash.url}${p}`);
    const atom = await get('/feeds/all.atom');
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    const parsed = parseAtomFeed(await atom.text());
    expect(parsed.entries).toHaveLength(BUNDLED_FIRST_RUN_TOTALS.written);
    const bolton = parsed.entries!.find(
      (x) => x.title?.value === 'Mỹ và Hàn Quốc thống nhất phối hợp chặt chẽ hơn về an ninh',
    )!;
    expect(bolton.links?.[0]?.href).toMatch(/^https:\/\/baotintuc\.vn\//);
    expect(bolton.authors?.[0]?.name).toBe('Báo Tin tức (TTXVN)');
    expect(bolton.summary?.value).toBeTruthy();
    // The project's own feed reader (the crawler's) reads it too, dates and all.
    expect(parseFeed(await (await get('/feeds/all.atom')).text(), `${dash.url}/feeds/all.atom`)).toHaveLength(
      BUNDLED_FIRST_RUN_TOTALS.written,
    );
    const kidd = parseJsonFeed(await (await get('/feeds/rule-kidd.json')).json());
    expect(kidd.items!.length).toBeGreaterThan(0);
    expect(kidd.items!.every((i) => i.tags?.includes('kidd'))).toBe(true);
    expect(kidd.items![0]!.title).toMatch(/KIDD/);
    expect((await get('/feeds/rule-nope.atom')).status).toBe(404);
  });

  it('shows a story page listing every outlet that carried it, with URL, time and similarity', async () => {
    const manifest = readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ManifestLine);
    const dup = manifest.find((m) => m.type === 'duplicate')!;
    const original = manifest.find((m) => m.type === 'article' && m.id === dup.duplicate_of.id)!;
    // The manifest's duplicate line carries the same facts as the page.
    expect(dup.duplicate_of).toMatchObject({ id: original.id, url: original.url, outlet: original.outlet });
    expect(Date.parse(dup.duplicate_of.written_at)).toBeGreaterThan(0);
    expect(dup.match.similarity).toBeGreaterThan(0.3);
    expect(dup.match.containment).toBeGreaterThanOrEqual(dup.match.similarity);

    const page = await browser.newPage();
    await page.goto(dash.url);
    await page.locator(`#articles tr[data-story="${original.id}"] a.story-link`).click();
    await page.waitForSelector('#carriers');
    const rows = page.locator('#carriers tbody tr');
    expect(await rows.count()).toBe(2);
    const first = rows.nth(0).locator('td');
    expect(await first.nth(0).textContent()).toBe(original.outlet);
    expect(await first.nth(1).textContent()).toBe(original.url);
    const copy = rows.nth(1).locator('td');
    expect(await copy.nth(0).textContent()).toBe(dup.outlet);
    expect(await copy.nth(1).locator('a').getAttribute('href')).toBe(dup.url);
    // One time zone on every page: Vietnam time with its offset, whatever the manifest's zone.
    expect(await copy.nth(3).textContent()).toBe(vietnamTime(dup.fetched_at));
    expect(await copy.nth(5).textContent()).toBe(dup.match.similarity.toFixed(2));
    expect(await copy.nth(6).textContent()).toBe(dup.match.containment.toFixed(2));
    await page.close();
    expect((await fetch(`${dash.url}/story/${'0'.repeat(16)}`)).status).toBe(404);
    expect((await fetch(`${dash.url}/story/..%2Fx`)).status).toBe(404);
  });

  it('searches the written articles with the rule language, filters and pages, and highlights the hits', async () => {
    const page = await browser.newPage();
    await page.goto(dash.url);
    await page.locator('nav a', { hasText: 'search' }).click();
    await page.waitForSelector('#search-form');
    // No query: every written article, 25 to a page, newest written first.
    await page.locator('#search-form button').click();
    await page.waitForSelector('#results');
    expect(await page.locator('#results tr[data-story]').count()).toBe(25);
    await page.locator('a.page-link', { hasText: 'older' }).click();
    await page.waitForSelector('#results');
    expect(await page.locator('#results tr[data-story]').count()).toBe(BUNDLED_FIRST_RUN_TOTALS.written - 25);
    // A query in the rule language, folded as the rules fold (case does not matter).
    await page.goto(`${dash.url}/search`);
    await page.fill('input[name="q"]', '"TẬP TRẬN" AND hàn');
    await page.locator('#search-form button').click();
    await page.waitForSelector('#results');
    const hits = page.locator('#results tr[data-story]');
    const n = await hits.count();
    expect(n).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) expect(await hits.nth(i).locator('mark').count()).toBeGreaterThan(0);
    // Narrowed to one outlet: only its rows, fewer than before.
    await page.selectOption('select[name="outlet"]', 'vtv');
    await page.locator('#search-form button').click();
    await page.waitForSelector('#results');
    const outlets = await page.locator('#results tr[data-story] td:nth-child(2)').allTextContents();
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets.length).toBeLessThan(n);
    expect(new Set(outlets)).toEqual(new Set(['VTV']));
    await shot(page, 'search');
    // A toneless query finds toned text by default (as --diacritic-free), not with exact tones.
    const count = async (qs: string) =>
      ((await (await fetch(`${dash.url}/search?${qs}`)).text()).match(/<tr data-story=/g) ?? []).length;
    const toned = await count(`q=${encodeURIComponent('"tập trận"')}`);
    expect(toned).toBeGreaterThan(0);
    expect(await count(`q=${encodeURIComponent('"tap tran"')}`)).toBe(toned);
    expect(await count(`q=${encodeURIComponent('"tap tran"')}&exact=on`)).toBe(0);
    // A query that does not parse is said, not a stack trace.
    const bad = await fetch(`${dash.url}/search?q=${encodeURIComponent('"unclosed')}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('query: unclosed quote at 0');
    await page.close();
  });

  it('lists skipped articles with reason and score, and keeps a "this was on topic" mark for the evaluation', async () => {
    const page = await browser.newPage();
    await page.goto(`${dash.url}/skipped`);
    const rows = page.locator('#skipped tr[data-skipped]');
    expect(await rows.count()).toBe(BUNDLED_FIRST_RUN_TOTALS.offTopic);
    const first = rows.first();
    const id = (await first.getAttribute('data-skipped'))!;
    const title = (await first.locator('td').first().textContent())!;
    expect(Number(await first.locator('td').nth(3).textContent())).toBeGreaterThanOrEqual(0);
    expect((await first.locator('td').nth(4).textContent())!.length).toBeGreaterThan(3);
    await shot(page, 'skipped');
    await first.locator('button.mark-on').click();
    await page.waitForSelector(`#skipped tr[data-skipped="${id}"] td.mark:has-text("marked on")`);
    const mark = (await listMarks(rt.redis, rt.keys)).find((m) => m.id === id);
    expect(mark).toMatchObject({ label: 'on', file: null, title });
    const exported = (await exportMarks(rt.redis, rt.keys, rt.outDir))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; text: string | null });
    expect(exported.find((m) => m.id === id)?.text).toBe(`${title}\n`);
    await page.close();
  });

  it('shows every time in Vietnam time with its offset, and a story page with its rules highlighted and its text', async () => {
    const page = await browser.newPage();
    await page.goto(dash.url);
    await shot(page, 'overview');
    const body = (await page.locator('body').textContent())!;
    expect(body).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/); // no raw ISO times
    const hover = await page.locator('#articles time').first().getAttribute('title');
    expect(hover).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d \+07:00$/);
    const kidd = page.locator('#articles tr', { hasText: 'Đối thoại quốc phòng tích hợp KIDD lần thứ 16' });
    await kidd.locator('a.story-link').click();
    await page.waitForSelector('#story-rules');
    const rule = page.locator('#story-rules li', { hasText: 'kidd' });
    expect(await rule.locator('mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#story-text').textContent()).toContain('KIDD');
    await shot(page, 'story');
    await page.close();
  });

  it('serves bull-board for the three queues', async () => {
    const page = await browser.newPage();
    await page.goto(`${dash.url}/queues`);
    await page.waitForSelector('text=article', { timeout: 15_000 });
    const body = await page.locator('body').textContent();
    for (const q of ['crawl', 'article', 'alert']) expect(body).toContain(q);
    await page.close();
  });

  it('exposes Prometheus metrics for the crawl', async () => {
    const text = await (await fetch(`${dash.url}/metrics`)).text();
    expect(text).toContain('tinwatch_articles_total{source="vnexpress",outcome="written"} 2');
    expect(text).toContain('tinwatch_articles_total{source="baotintuc",outcome="duplicate"} 1');
    expect(text).toMatch(/tinwatch_pages_fetched_total\{source="kbs-vietnamese",status="200"\} 5/);
    expect(text).toContain(`tinwatch_alerts_total{channel="log",outcome="sent"} ${BUNDLED_FIRST_RUN_TOTALS.alerts}`);
    expect(text).toContain(`tinwatch_queue_jobs{queue="article",state="completed"} ${BUNDLED_FIRST_RUN_TOTALS.new}`);
    expect(text).toContain(`tinwatch_job_duration_seconds_count{queue="article"} ${BUNDLED_FIRST_RUN_TOTALS.new}`);
  });

  it('refuses paths outside the articles folder', async () => {
    expect((await fetch(`${dash.url}/articles/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${dash.url}/articles/000_zzzz.txt`)).status).toBe(404);
  });

  it('beyond loopback: refuses to start without a token, and demands it once started', async () => {
    await expect(startDashboard(rt, { host: '0.0.0.0', port: 0, token: '' })).rejects.toThrow(
      /TINWATCH_DASHBOARD_TOKEN/,
    );
    const open = await startDashboard(rt, { host: '0.0.0.0', port: 0, token: 't0ken' });
    try {
      const port = new URL(open.url).port;
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/`, { headers: { authorization: 'Bearer t0ken' } })).status).toBe(
        200,
      );
    } finally {
      await open.close();
    }
  });
});
