// The D1N cookie challenge through a real crawl: the fetcher reads the token, retries once with
// the cookie, remembers it in Redis for the host, and later requests (and later crawls) pass at
// once; a page that stays challenged fails with its reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce, type RunSummary } from '../../workers/run-once/crawl-once.js';
import { listFailed } from '../../app/cli/failed-work.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { cookieChallenge, withCookie } from '../../crawlers/cookie-challenge.js';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { testArticlePage, testSource } from '../helpers/test-source.js';

const HOST = 'd1n.example.vn';
const TOKEN = 'D1N=8f3a9c0e1b2d';
const GOOD = ['bai-2000001.html', 'bai-2000002.html', 'bai-2000003.html'];
const STUCK = 'bai-2000004.html';

describe('D1N cookie challenge', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let summary: RunSummary;
  const hits = (file: string) => replay.hits.filter((h) => h.endsWith(`/${file}`)).length;

  beforeAll(async () => {
    const root = tempDir('tw-d1n');
    const dir = path.join(root, HOST);
    mkdirSync(dir, { recursive: true });
    const gate = (file: string, value = '8f3a9c0e1b2d') =>
      writeFileSync(
        path.join(dir, `${file}.meta.json`),
        JSON.stringify({ requireCookie: { name: 'D1N', value, offer: '8f3a9c0e1b2d' } }),
      );
    const items = [...GOOD, STUCK].map((f) => `<item><link>https://${HOST}/${f}</link></item>`).join('');
    writeFileSync(
      path.join(dir, 'rss.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel>${items}</channel></rss>`,
    );
    gate('rss.xml');
    // Four different on-topic stories (distinct texts, or they would be one story).
    const stories = loadEvalArticles().filter((a) => a.onTopic);
    for (const [i, f] of [...GOOD, STUCK].entries()) {
      const a = stories[i * 5]!;
      writeFileSync(path.join(dir, f), testArticlePage(a));
      gate(f, f === STUCK ? 'another-token' : undefined); // the stuck page wants a cookie it never hands out
    }
    replay = await startReplayServer(root);
    rt = await testRuntime({
      sources: [testSource(HOST)],
      originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` },
    });
    summary = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
  }, 60_000);
  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  it('answers the challenge once, then every page passes with the remembered cookie', async () => {
    expect(summary.totals).toMatchObject({ discovered: 4, written: 3, failed: 1 });
    expect(hits('rss.xml')).toBe(2); // the challenge, then the feed
    for (const f of GOOD) expect(hits(f)).toBe(1);
    expect(await rt.redis.get(rt.keys.hostCookie(HOST))).toBe(TOKEN);
  });

  it('fails a page that stays challenged, with the reason, after one retry', async () => {
    expect(hits(STUCK)).toBe(2);
    const failed = await listFailed(rt, ['fetch']);
    expect(failed.find((f) => f.what.endsWith(STUCK))?.reason).toMatch(/cookie challenge not passed/);
  });

  it('a later crawl sends the cookie from Redis and is not challenged', async () => {
    replay.hits.length = 0;
    await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    expect(hits('rss.xml')).toBe(1);
  });

  it('recognises only the challenge page and merges the cookie into a header', () => {
    expect(cookieChallenge('<script>document.cookie="D1N=ab12";window.location.reload(true);</script>')).toBe(
      'D1N=ab12',
    );
    expect(cookieChallenge('<html><body><p>document.cookie="D1N=ab12"</p></body></html>')).toBeNull();
    expect(
      cookieChallenge(`<script>document.cookie="D1N=ab12";location.reload()</script>${'x'.repeat(5000)}`),
    ).toBeNull();
    expect(withCookie('a=1; D1N=old', 'D1N=new')).toBe('a=1; D1N=new');
    expect(withCookie(undefined, 'D1N=new')).toBe('D1N=new');
  });
});
