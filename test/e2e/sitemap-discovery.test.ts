// Discovery through sitemaps (Znews's shape, docs/outlets.md): the index is followed to its
// newest child matching the pattern, and the child's articles are fetched like a feed's.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { testArticlePage, testSource } from '../helpers/test-source.js';

const HOST = 'sitemap.example.vn';

describe('sitemap discovery', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;

  beforeAll(async () => {
    const dir = path.join(tempDir('tw-sitemap'), HOST);
    mkdirSync(path.join(dir, 'sitemap'), { recursive: true });
    writeFileSync(
      path.join(dir, 'sitemap/sitemap.xml'),
      `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://${HOST}/sitemap/sitemap-article-2026-08.xml</loc><lastmod>2026-08-21T11:00:00+07:00</lastmod></sitemap>
<sitemap><loc>https://${HOST}/sitemap/sitemap-news-old.xml</loc><lastmod>2026-08-01T00:00:00+07:00</lastmod></sitemap>
<sitemap><loc>https://${HOST}/sitemap/sitemap-news.xml</loc><lastmod>2026-08-21T10:00:00+07:00</lastmod></sitemap>
</sitemapindex>`,
    );
    const stories = loadEvalArticles().filter((a) => a.onTopic);
    const urls = [0, 1].map((i) => {
      const file = `bai-viet-post${1590001 + i}.html`;
      const a = stories[i * 7]!;
      writeFileSync(path.join(dir, file), testArticlePage(a));
      return `<url><loc>https://${HOST}/${file}</loc><news:news><news:publication_date>2026-08-21T0${i + 8}:00:00+07:00</news:publication_date></news:news></url>`;
    });
    writeFileSync(
      path.join(dir, 'sitemap/sitemap-news.xml'),
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls.join('')}</urlset>`,
    );
    replay = await startReplayServer(path.dirname(dir));
    const source = testSource(HOST, {
      discovery: {
        sitemaps: [{ url: `https://${HOST}/sitemap/sitemap.xml`, childPattern: 'sitemap-news', maxChildren: 1 }],
      },
      articleUrlPattern: '-post\\d+\\.html$',
    });
    rt = await testRuntime({ sources: [source], originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` } });
  }, 60_000);
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('follows the index to the newest matching child and writes its articles', async () => {
    const s = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    expect(s.totals).toMatchObject({ discovered: 2, new: 2, written: 2, failed: 0 });
    const sitemapHits = replay.hits.filter((h) => h.includes('/sitemap/'));
    expect(sitemapHits).toEqual([`/${HOST}/sitemap/sitemap.xml`, `/${HOST}/sitemap/sitemap-news.xml`]);
  });
});
