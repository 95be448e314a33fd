// `crawl --once --since DATE`: a listing's pages are walked back one after another until a page
// holds only articles older than the date; a normal crawl reads only the first page(s).
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { testArticlePage, testSource } from '../helpers/test-source.js';

const HOST = 'backfill.example.vn';
const PAGES = 5;

describe('backfill walk', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const pageHits = () => replay.hits.filter((h) => /\/tin-moi(\/trang-\d+)?$/.test(h)).map((h) => h.split('/').at(-1));

  beforeAll(async () => {
    const dir = path.join(tempDir('tw-backfill'), HOST);
    mkdirSync(path.join(dir, 'tin-moi'), { recursive: true });
    const stories = loadEvalArticles().filter((a) => a.onTopic);
    for (let p = 1; p <= PAGES; p++) {
      const links: string[] = [];
      for (let k = 0; k < 2; k++) {
        const n = (p - 1) * 2 + k; // article n published on 20 - n August
        const a = stories[n * 3]!;
        const file = `bai-${3_000_000 + n}.html`;
        links.push(`<article><h3><a href="/${file}">${a.title}</a></h3></article>`);
        writeFileSync(
          path.join(dir, file),
          testArticlePage(a, `<time>2026-08-${String(20 - n).padStart(2, '0')}T08:00:00+07:00</time>`),
        );
      }
      writeFileSync(
        path.join(dir, p === 1 ? 'tin-moi/index.html' : `tin-moi/trang-${p}`),
        `<html><body>${links.join('')}</body></html>`,
      );
    }
    replay = await startReplayServer(path.dirname(dir));
    const source = testSource(HOST, {
      discovery: {
        listings: [
          {
            url: `https://${HOST}/tin-moi`,
            linkSelector: 'h3 a',
            pageUrl: `https://${HOST}/tin-moi/trang-{n}`,
            backfillMaxPages: 10,
          },
        ],
      },
      extract: { title: ['h1'], body: ['article'], date: ['time'] },
    });
    rt = await testRuntime({ sources: [source], originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` } });
  }, 60_000);
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('a normal crawl reads the first page only', async () => {
    const s = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    expect(pageHits()).toEqual(['tin-moi']);
    expect(s.totals).toMatchObject({ new: 2, written: 2 });
  });

  it('--since walks back page by page and stops at the first page entirely older than the date', async () => {
    replay.hits.length = 0;
    const s = await crawlOnce(rt, { sources: rt.sources, pollMs: 50, since: '2026-08-15T00:00:00+07:00' });
    // Page 1 is all seen (walk on), pages 2–3 hold articles from 15–18 Aug, page 4 (13–14 Aug) is
    // older than the date: the walk stops there and page 5 is never asked for.
    expect(pageHits()).toEqual(['tin-moi', 'trang-2', 'trang-3', 'trang-4']);
    expect(s.totals).toMatchObject({ new: 6, written: 6, failed: 0 });
  });

  it('refuses a --since that is not a date, naming the option', async () => {
    const bin = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
    const err = await promisify(execFile)(process.execPath, [bin, 'crawl', '--once', '--since', 'last tuesday'], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr).toContain('--since: "last tuesday" is not a date');
  });
});
