// The hostile-outlet suite: tinwatch crawls one outlet that attacks it on every path (see
// test/helpers/hostile-outlet.ts), twice, and each test checks one attack came to nothing.
// docs/operations.md "Bad input" maps each attack to its test here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce, type RunSummary } from '../../workers/run-once/crawl-once.js';
import {
  HOSTILE_HOST,
  LISTING_LINKS,
  PAGE,
  startHostileOutlet,
  type HostileOutlet,
} from '../helpers/hostile-outlet.js';
import { testRuntime } from '../helpers/test-runtime.js';
import { testSource } from '../helpers/test-source.js';

const ORIGIN = `https://${HOSTILE_HOST}`;
const CAP = 25;

interface ManifestLine {
  type: string;
  url: string;
  title: string;
  file?: string;
  published_at: string | null;
}

describe('a hostile outlet', () => {
  let outlet: HostileOutlet;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const runs: RunSummary[] = [];
  let hitsAfterFirst: string[] = [];

  const manifest = (): ManifestLine[] =>
    readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ManifestLine);
  const fetchFailures = async (): Promise<{ url: string; reason: string }[]> =>
    (await rt.redis.lrange(rt.keys.fetchFailures, 0, -1)).map((l) => JSON.parse(l) as { url: string; reason: string });

  beforeAll(async () => {
    outlet = await startHostileOutlet();
    const pages = testSource(HOSTILE_HOST, {
      discovery: {
        feeds: [`${ORIGIN}/rss/main.rss`, `${ORIGIN}/rss/slow.rss`],
        sitemaps: [{ url: `${ORIGIN}/sitemap/index-0.xml`, maxChildren: 2 }],
      },
    });
    // The huge listing is its own source on the same host, so its cap does not starve the feed.
    const listing = {
      ...testSource(HOSTILE_HOST, {
        discovery: { listings: [{ url: `${ORIGIN}/danh-muc`, linkSelector: 'a.tin' }], maxNewPerCrawl: CAP },
      }),
      id: 'hostile-listing',
    };
    rt = await testRuntime({
      sources: [pages, listing],
      originMap: outlet.originMap,
      env: { TINWATCH_REQUEST_TIMEOUT_SECS: 2, TINWATCH_HOST_DELAY_MS: 0 },
    });
    runs.push(await crawlOnce(rt, { sources: rt.sources, pollMs: 50, timeoutMs: 120_000 }));
    hitsAfterFirst = [...outlet.hits];
    runs.push(await crawlOnce(rt, { sources: rt.sources, pollMs: 50, timeoutMs: 120_000 }));
  }, 300_000);
  afterAll(async () => {
    await rt?.cleanup();
    await outlet?.close();
  });

  it('never reaches an inward address: feed links, sitemap children, redirects (loopback, mapped IPv6, decimal, a port on the outlet, metadata)', () => {
    expect(outlet.canaryHits).toEqual([]);
    expect(outlet.hits).toContain(PAGE.redirectInward); // the redirect was tried, and refused at the hop
  });

  it('cuts a slow-loris feed off at the request timeout, records why, and crawls the rest', async () => {
    const slow = (await fetchFailures()).find((f) => f.url === `${ORIGIN}/rss/slow.rss`);
    expect(slow?.reason).toMatch(/time/i);
    expect(outlet.hits).toContain(PAGE.badBytesInScript);
  });

  it('stops an endless sitemap index two levels down and skips its inward children', () => {
    const indexes = hitsAfterFirst.filter((h) => h.startsWith('/sitemap/index-'));
    expect(indexes.length).toBeGreaterThanOrEqual(1);
    expect(indexes.length).toBeLessThanOrEqual(1 + 2 + 4);
  });

  it(`fetches at most ${CAP} articles a crawl from a listing of ${LISTING_LINKS} links, the next ones on the next crawl`, () => {
    const listed = (hits: string[]) => hits.filter((h) => h.startsWith('/tin/bai-'));
    expect(listed(hitsAfterFirst)).toHaveLength(CAP);
    const all = listed(outlet.hits);
    expect(all).toHaveLength(2 * CAP);
    expect(new Set(all).size).toBe(2 * CAP); // none fetched twice
    for (const run of runs) expect(run.sources.find((s) => s.sourceId === 'hostile-listing')?.new).toBe(CAP);
  });

  it('drops publication dates far in the future (feed items dated 9999, a page dated 2100)', () => {
    const latest = Date.now() + 2 * 24 * 3600 * 1000;
    for (const line of manifest()) {
      if (line.published_at) expect(Date.parse(line.published_at)).toBeLessThanOrEqual(latest);
    }
    expect(manifest().find((l) => l.url === `${ORIGIN}${PAGE.futureDated}`)?.published_at).toBeNull();
  });

  it('refuses a page of mojibake with its reason and writes nothing for it', async () => {
    const garbled = (await fetchFailures()).filter((f) => f.url === `${ORIGIN}${PAGE.garbled}`);
    expect(garbled.map((f) => f.reason).join('\n')).toMatch(/page text does not decode cleanly/);
    expect(manifest().some((l) => l.url === `${ORIGIN}${PAGE.garbled}`)).toBe(false);
  });

  it('keeps a UTF-8 page UTF-8 when bad bytes sit in a script URL', () => {
    const line = manifest().find((l) => l.url === `${ORIGIN}${PAGE.badBytesInScript}`);
    expect(line).toBeDefined();
    expect(line!.title).not.toMatch(/[\u00c0-\u00ff][\u0080-\u00bf]|\ufffd/);
    if (line!.file) expect(readFileSync(path.join(rt.outDir, line!.file), 'utf8')).toContain(line!.title);
  });

  it('refuses a page over the size cap without retrying it within the crawl', async () => {
    const big = (await fetchFailures()).filter((f) => f.url === `${ORIGIN}${PAGE.oversized}`);
    expect(big.map((f) => f.reason).join('\n')).toMatch(/larger than the page size cap/);
    expect(hitsAfterFirst.filter((h) => h === PAGE.oversized)).toHaveLength(1);
  });

  it('fetches a page that changes on every fetch once, and writes it once', () => {
    expect(outlet.hits.filter((h) => h === PAGE.changing)).toHaveLength(1);
    expect(manifest().filter((l) => l.url === `${ORIGIN}${PAGE.changing}`)).toHaveLength(1);
    // New on the second crawl: only the three pages the first one refused (oversized, mojibake,
    // redirected inward), which stay unseen so that a fixed page is fetched later.
    expect(runs[1]!.sources.find((s) => s.sourceId === 'hostile')?.new).toBe(3);
  });
});
