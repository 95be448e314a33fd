// A source with render: 'browser' goes through crawlee's PlaywrightCrawler and Debian's Chromium:
// its article text exists only after the page's script runs, so the HTTP crawler would see an
// empty shell (and extraction says so) while the browser path writes the article.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema, type SourceConfig } from '../../config/source-schema.js';
import { crawlSource } from '../../crawlers/crawl/crawl-source.js';
import { createHttpFetcher } from '../../crawlers/http-fetcher.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { processArticle } from '../../pipeline/article/process-article.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { plainCrawlDeps } from '../helpers/crawl-deps.js';

const HOST = 'spa.example.vn';
const ARTICLE = `https://${HOST}/quan-su/han-my-tap-tran-123456.html`;
const BODY = [
  'Quân đội Hàn Quốc và Mỹ hôm nay bắt đầu cuộc tập trận chung quy mô lớn tại Pocheon, với sự tham gia của xe tăng và trực thăng tấn công.',
  'Bộ Quốc phòng Hàn Quốc cho biết cuộc diễn tập nhằm củng cố thế trận phòng thủ chung của liên minh trước các mối đe dọa tên lửa.',
];

function writeSite(root: string): void {
  mkdirSync(path.join(root, HOST, 'quan-su'), { recursive: true });
  writeFileSync(
    path.join(root, HOST, 'rss.xml'),
    `<?xml version="1.0"?><rss version="2.0"><channel><item><link>${ARTICLE}</link><pubDate>Tue, 18 Aug 2026 10:00:00 +0700</pubDate></item></channel></rss>`,
  );
  writeFileSync(
    path.join(root, HOST, 'quan-su', 'han-my-tap-tran-123456.html'),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>SPA</title></head><body><div id="app"></div>
<script>
const data = ${JSON.stringify({ title: 'Hàn Quốc và Mỹ tập trận chung tại Pocheon', body: BODY })};
document.getElementById('app').innerHTML = '<h1 class="t">' + data.title + '</h1><div class="b">' + data.body.map(p => '<p>' + p + '</p>').join('') + '</div>';
</script></body></html>`,
  );
}

describe('render: browser', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let source: SourceConfig;

  beforeAll(async () => {
    const root = tempDir('tw-spa');
    writeSite(root);
    replay = await startReplayServer(root);
    source = sourceSchema.parse({
      id: 'spa-outlet',
      name: 'SPA Outlet',
      homepage: `https://${HOST}/`,
      hosts: [HOST],
      render: 'browser',
      discovery: { feeds: [`https://${HOST}/rss.xml`] },
      articleUrlPattern: '-\\d{6}\\.html$',
      extract: { title: ['h1.t'], body: ['div.b'] },
      provenance: 'test',
    });
    rt = await testRuntime({ sources: [source], originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` } });
  });
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('the HTTP fetcher sees only a script shell, and extraction says why', async () => {
    let html = '';
    await createHttpFetcher(source, rt.originMap).fetchAll(
      [{ url: ARTICLE, label: 'article', data: { canonicalUrl: ARTICLE } }],
      async (p) => {
        html = p.body;
      },
      async () => undefined,
    );
    const res = extractArticle(html, ARTICLE, source);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.reason).toMatch(/JavaScript shell: set render: browser/);
  });

  it('the browser fetcher renders the page, the article is written, and the page as served is captured', async () => {
    const summary = await crawlSource(
      {
        ...plainCrawlDeps(rt),
        captureWarc: true,
      },
      source,
    );
    expect(summary).toMatchObject({ discovered: 1, new: 1, fetched: 1, fetchFailed: 0 });
    const job = (await rt.queues.article.getJob(summary.articleJobIds[0]!))!;
    const outcome = await processArticle(job.data, {
      redis: rt.redis,
      keys: rt.keys,
      outDir: rt.outDir,
      log: rt.log,
      sourceById: () => source,
      warc: rt.warc,
    });
    expect(outcome.outcome).toBe('written');
    // The WARC response holds the bytes the outlet served (the script shell), not the rendered DOM.
    const { readFileSync: read } = await import('node:fs');
    const { gunzipSync } = await import('node:zlib');
    const entry = JSON.parse(read(path.join(rt.outDir, 'manifest.jsonl'), 'utf8').trim()) as {
      warc: { file: string; offset: number; length: number };
    };
    await rt.warc!.close();
    const bytes = read(path.join(rt.outDir, entry.warc.file)).subarray(
      entry.warc.offset,
      entry.warc.offset + entry.warc.length,
    );
    const records = gunzipSync(bytes).toString('utf8');
    expect(records).toContain('WARC-Type: response');
    expect(records).toContain("document.getElementById('app').innerHTML");
    expect(records).not.toContain('<h1 class="t">Hàn Quốc');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path.join(rt.outDir, (outcome as { file: string }).file), 'utf8');
    expect(text).toBe(['Hàn Quốc và Mỹ tập trận chung tại Pocheon', ...BODY].join('\n\n'));
  }, 120_000);
});
