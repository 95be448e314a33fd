// Bad day: /search as a lever on the dashboard's CPU (issue 32, finding 6). A no-match search read
// and matched every written article (7–9 s at 20,400), and being a GET any page could send it
// with image tags. Now: the syllable index hands the search only the rows that can match (the
// same hits as the full scan, property-tested, and none read for a query no text has); a search
// stops at its time budget and says so; a client gets a bucket of searches, one at a time; and a
// search from another site's subresource is refused — in Chromium, an <img> on a hostile page.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftRule } from '../../../config/watchlist-schema.js';
import { CHROMIUM_ARGS, chromiumPath } from '../../../crawlers/chromium-launch.js';
import { dashboardApp, startDashboard, type Dashboard } from '../../../app/dashboard/dashboard.js';
import { SEARCH_BURST } from '../../../app/dashboard/search-limiter.js';
import { searchArticles } from '../../../src/search/article-search.js';
import { ManifestIndex } from '../../../src/search/manifest-index.js';
import { SyllableIndex } from '../../../src/search/syllable-index.js';
import { testRuntime } from '../../helpers/test-runtime.js';
import { WRITTEN, writtenOut, type WrittenFixture } from '../../helpers/written-out.js';

const SYLLABLES = ['tập', 'trận', 'hàn', 'quốc', 'mỹ', 'seoul', 'kidd', 'cà', 'phê', 'giá'];

/** Small archives of this project's own words. */
const archive = fc.array(
  fc.record({
    title: fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 4 }),
    body: fc.array(fc.constantFrom(...SYLLABLES, '.', ','), { maxLength: 20 }),
    removed: fc.boolean(),
  }),
  { minLength: 1, maxLength: 12 },
);
const query = fc.oneof(
  fc.constantFrom(...SYLLABLES, 'không'),
  fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom(...SYLLABLES)).map(([a, b]) => `"${a} ${b}"`),
  fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom(...SYLLABLES)).map(([a, b]) => `${a} AND ${b}`),
  fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom(...SYLLABLES)).map(([a, b]) => `${a} AND NOT ${b}`),
  fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom(...SYLLABLES)).map(([a, b]) => `${a} OR "${b} ${a}"`),
  fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom(...SYLLABLES)).map(([a, b]) => `${a} NEAR/2 ${b}`),
);

function fixtures(items: { title: string[]; body: string[]; removed: boolean }[]): WrittenFixture[] {
  return items.map((it, i) => ({
    ...WRITTEN[0]!,
    id: i.toString(16).padStart(16, '0'),
    title: it.title.join(' '),
    lead: 'Tin thử.',
    body: [it.body.join(' ') || 'trống'],
    textRemoved: it.removed,
  }));
}

describe('bad day: /search at scale and from a hostile page', () => {
  it('the index gives the same hits as reading every text, for any archive and query (property)', async () => {
    await fc.assert(
      fc.asyncProperty(archive, query, fc.boolean(), async (items, q, toneless) => {
        const out = writtenOut(fixtures(items));
        const rows = await new ManifestIndex(out).articles();
        const index = new SyllableIndex(out);
        await index.update(rows);
        const rule = draftRule(q, { diacriticFree: toneless });
        const page = { offset: 0, limit: 100, countAll: true };
        const scanned = await searchArticles(out, rows, { query: rule }, page);
        const indexed = await searchArticles(out, rows, { query: rule }, page, { mayMatch: index.mayMatch(rule) });
        expect(indexed.hits.map((h) => h.article.id)).toEqual(scanned.hits.map((h) => h.article.id));
        expect(indexed.textMissing).toBe(scanned.textMissing);
      }),
      { numRuns: 60 },
    );
  });

  it('a query no text has reads no text; rows written after the index are still searched', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ title: ['tập', 'trận'], body: [`số${i}`], removed: false }));
    const out = writtenOut(fixtures(items));
    const rows = await new ManifestIndex(out).articles();
    const index = new SyllableIndex(out);
    await index.update(rows.slice(0, 30));
    let read = 0;
    const none = draftRule('"không có"');
    const may = index.mayMatch(none);
    await searchArticles(
      out,
      rows,
      { query: none },
      { offset: 0, limit: 25 },
      { mayMatch: (r) => may(r) && ++read > 0 },
    );
    expect(read).toBe(10); // only the 10 rows not indexed yet
    const late = draftRule('số35');
    const page = await searchArticles(
      out,
      rows,
      { query: late },
      { offset: 0, limit: 25 },
      { mayMatch: index.mayMatch(late) },
    );
    expect(page.hits).toHaveLength(1);
  });

  it('stops at its time budget and says so', async () => {
    const out = writtenOut();
    const rows = await new ManifestIndex(out).articles();
    const page = await searchArticles(
      out,
      rows,
      { query: draftRule('seoul') },
      { offset: 0, limit: 25 },
      { deadline: 0 },
    );
    expect(page.cutShort).toBe(true);
    expect(page.hits).toHaveLength(0);
  });

  describe('through the dashboard', () => {
    let rt: Awaited<ReturnType<typeof testRuntime>>;
    let dash: Dashboard;
    let evil: http.Server;
    let browser: Browser;
    beforeAll(async () => {
      rt = await testRuntime({ outDir: writtenOut(), outFolder: 'none' });
      dash = await startDashboard(rt, { port: 0 });
      evil = http.createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<!DOCTYPE html><img src="${dash.url}/search?q=kh%C3%B4ng">`);
      });
      await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
      browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      evil?.close();
      await dash?.close();
      await rt?.cleanup();
    });

    it('an <img> on another site’s page cannot run a search; the dashboard’s own form can', async () => {
      const page = await browser.newPage();
      const img = page.waitForResponse((r) => r.url().startsWith(`${dash.url}/search`));
      await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`);
      expect((await img).status()).toBe(403);
      await page.goto(`${dash.url}/search`);
      await page.fill('input[name=q]', 'seoul');
      await Promise.all([page.waitForURL(/q=seoul/), page.press('input[name=q]', 'Enter')]);
      expect(await page.locator('#results tr').count()).toBe(2); // header + the one story
      await page.close();
    });

    it('one client gets a bucket of searches, then 429 with Retry-After', async () => {
      const app = dashboardApp(rt, { boundHost: '127.0.0.1', loopback: true });
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < SEARCH_BURST + 3; i++) {
        const res = await app.request('http://127.0.0.1/search?q=seoul', { headers: { host: '127.0.0.1' } });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
      }
      expect(statuses.slice(0, SEARCH_BURST).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(SEARCH_BURST)).toEqual([429, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    });
  });
});
