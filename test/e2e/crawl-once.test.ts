// End to end against a real Redis and the replay server: `crawl --once` writes exactly the
// expected files and manifest; a second run writes nothing and fetches no article page again.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce, type RunSummary } from '../../workers/run-once/crawl-once.js';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { goldenCases, SITES } from '../helpers/fixtures.js';
import { BUNDLED_FIRST_RUN_TOTALS, BUNDLED_WRITTEN_NNN } from '../helpers/bundled-run.js';
import { testRuntime } from '../helpers/test-runtime.js';
import { StageClock } from '../../src/stats/stage-timings.js';

type Rt = Awaited<ReturnType<typeof testRuntime>>;
interface ManifestLine {
  type: 'article' | 'duplicate';
  seq?: number;
  file?: string;
  id: string;
  url: string;
  outlet: string;
  published_at: string | null;
  duplicate_of: { id: string; url: string; outlet: string } | null;
}

describe('crawl --once end to end', () => {
  let replay: ReplayServer;
  let rt: Rt;
  let first: RunSummary;
  const timings = new StageClock();

  beforeAll(async () => {
    replay = await startReplayServer(SITES);
    const hosts = readdirSync(SITES);
    rt = await testRuntime({ originMap: replayOriginMap(replay.url, hosts) });
    first = await crawlOnce(rt, { sources: rt.sources, pollMs: 50, timings });
  });

  afterAll(async () => {
    await rt.cleanup();
    await replay.close();
  });

  const manifest = (): ManifestLine[] =>
    readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ManifestLine);

  it("charges the run's stage times where it was asked to, article threads' included", () => {
    const n = (stage: string) => timings.totals.get(stage)?.n ?? 0;
    expect(n('crawl job: discover + fetch (crawlee, whole crawl)')).toBe(first.sources.length);
    const articles = first.sources.reduce((a, s) => a + s.new, 0);
    expect(n('extract + normalize')).toBe(articles - first.sources.reduce((a, s) => a + s.failed, 0));
  });

  it('reports discovered / new / written / duplicate / off-topic / failed per source', () => {
    const by = Object.fromEntries(first.sources.map((s) => [s.sourceId, s]));
    expect(by.vnexpress).toMatchObject({
      discovered: 3,
      new: 3,
      written: 2,
      duplicate: 0,
      offTopic: 1,
      failed: 0,
      alerts: 2,
    });
    expect(by.baotintuc).toMatchObject({
      discovered: 4,
      new: 4,
      written: 3,
      duplicate: 1,
      offTopic: 0,
      failed: 0,
      alerts: 4,
    });
    expect(by['kbs-vietnamese']).toMatchObject({
      discovered: 3,
      new: 3,
      written: 2,
      duplicate: 0,
      offTopic: 1,
      failed: 0,
      alerts: 2,
    });
    expect(by['military-com-vn']).toMatchObject({ discovered: 1, new: 1, written: 1, failed: 0, alerts: 2 });
    // QĐND: its feed answers only after the /rss prime (the cookie-primed session).
    expect(by.qdnd).toMatchObject({ discovered: 3, new: 3, written: 2, duplicate: 0, offTopic: 1, failed: 0 });
    for (const id of ['dantri', 'tuoitre', 'thanhnien', 'vietnamplus', 'vov', 'znews', 'nld', 'baoquocte'])
      expect(by[id], id).toMatchObject({ discovered: 3, new: 3, written: 2, duplicate: 0, offTopic: 1, failed: 0 });
    // The outlets read by the generic extractor alone (no extract selectors).
    for (const id of ['nhandan', 'sggp', 'baochinhphu', 'bbc-vietnamese'])
      expect(by[id], id).toMatchObject({ discovered: 3, new: 3, written: 2, duplicate: 0, offTopic: 1, failed: 0 });
    // The briefing's demo thread: CAND's own report of the Osan battery and VTV's follow-up are
    // stories; Tiền Phong's copy of SGGP's report is a duplicate, its budget story borderline.
    for (const id of ['cand', 'vtv'])
      expect(by[id], id).toMatchObject({ discovered: 4, new: 4, written: 3, duplicate: 0, offTopic: 1, failed: 0 });
    expect(by.tienphong).toMatchObject({ discovered: 5, new: 5, written: 3, duplicate: 1, offTopic: 1, failed: 0 });
    expect(first.totals).toEqual(BUNDLED_FIRST_RUN_TOTALS);
    // VnExpress's site search was read too (its results are articles already found by the feed).
    expect(replay.hits.some((h) => h.startsWith('/timkiem.vnexpress.net/?q=H%C3%A0n+Qu%E1%BB%91c'))).toBe(true);
  });

  it('writes each on-topic golden article once, byte for byte, named NNN_<story id>.txt with NNN 000..042', () => {
    const files = readdirSync(path.join(rt.outDir, 'articles')).sort();
    expect(files.map((f) => f.slice(0, 3))).toEqual(BUNDLED_WRITTEN_NNN);
    for (const f of files) expect(f).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
    const written = new Set(files.map((f) => readFileSync(path.join(rt.outDir, 'articles', f), 'utf8')));
    const goldens = goldenCases();
    for (const g of goldens.filter((c) => c.onTopic))
      expect(written.has(g.expectedText), `${g.sourceId}/${g.name}`).toBe(true);
    for (const g of goldens.filter((c) => !c.onTopic)) expect(written.has(g.expectedText)).toBe(false);
  });

  it('writes a manifest line per written or duplicate article, with real URLs and the duplicate link', () => {
    const lines = manifest();
    expect(lines.filter((l) => l.type === 'article')).toHaveLength(BUNDLED_FIRST_RUN_TOTALS.written);
    const files = readdirSync(path.join(rt.outDir, 'articles'));
    for (const l of lines.filter((x) => x.type === 'article')) {
      expect(files).toContain(path.basename(l.file!));
      expect(l.file).toBe(`articles/${String(l.seq).padStart(3, '0')}_${l.id}.txt`);
      expect(l.url).not.toContain('127.0.0.1');
      expect(l.published_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    }
    const dups = lines.filter((l) => l.type === 'duplicate');
    // Each pair is one story under two URLs; which of the two is claimed first is the workers' race.
    const pairs = dups.map((dup) => {
      const owner = lines.find((l) => l.id === dup.duplicate_of!.id)!;
      expect(owner.type).toBe('article');
      expect(existsSync(path.join(rt.outDir, 'articles', `${dup.id}.txt`))).toBe(false);
      return [dup.url, owner.url].sort();
    });
    expect(pairs.sort()).toEqual(
      [
        [
          'https://baotintuc.vn/quan-su/doi-thoai-quoc-phong-tich-hop-kidd-han-my-lan-thu-16-20190927101500456.htm',
          'https://baotintuc.vn/the-gioi/han-quoc-va-my-to-chuc-doi-thoai-quoc-phong-tich-hop-kidd-lan-thu-16-20190927093045123.htm',
        ],
        [
          'https://sggp.org.vn/luc-luong-my-tai-han-quoc-tiep-nhan-he-thong-phong-khong-moi-post869188.html',
          'https://tienphong.vn/usfk-tiep-nhan-khau-doi-patriot-the-he-moi-post1871190.tpo',
        ],
      ].sort(),
    );
  });

  it('leaves no raw pages and no temp files behind', async () => {
    expect(await rt.redis.keys(`${rt.keys.prefix}:raw:*`)).toEqual([]);
    expect(await rt.redis.keys(`${rt.keys.prefix}:capture:*`)).toEqual([]);
    expect(readdirSync(path.join(rt.outDir, 'articles')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a second run writes nothing new and fetches no article page again', async () => {
    const before = readdirSync(path.join(rt.outDir, 'articles')).sort();
    const manifestBefore = readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8');
    replay.hits.length = 0;
    const second = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    expect(second.totals).toEqual({
      discovered: 0, // every feed and listing answered 304 Not Modified
      new: 0,
      written: 0,
      duplicate: 0,
      offTopic: 0,
      failed: 0,
      alerts: 0,
      alertsFailed: 0,
    });
    expect(readdirSync(path.join(rt.outDir, 'articles')).sort()).toEqual(before);
    expect(readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8')).toBe(manifestBefore);
    // Only feeds and listings were requested.
    const articleHits = replay.hits.filter((h) =>
      /\d{7}\.html|\d{17}\.htm|Seq_Code=|\.\d+\.html|-\d{6}$|\d{18}\.htm|-185\d+\.htm|\.vnp$|\.vov$|-post\d+\.html$|-196\d+\.htm|-3\d{5}\.html$|\.tpo$|\/articles\//.test(
        h,
      ),
    );
    expect(articleHits).toEqual([]);
    expect(replay.hits.length).toBe(33); // Znews: the index answers 304, so its child is not asked for
    // QĐND's session is primed before its feed is asked for.
    const prime = replay.hits.indexOf('/qdnd.vn/rss');
    expect(prime).toBeGreaterThanOrEqual(0);
    expect(replay.hits.indexOf('/qdnd.vn/rss/cate/tin-tuc-moi-nhat.rss')).toBeGreaterThan(prime);
  });

  it('re-reads a feed that changed since (conditional GET), still fetching no article twice', async () => {
    const feed = path.join(SITES, 'vnexpress.net/rss/the-gioi.rss');
    const { utimesSync } = await import('node:fs');
    const later = new Date(Date.now() + 5_000);
    utimesSync(feed, later, later);
    replay.hits.length = 0;
    const third = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    expect(third.sources.find((s) => s.sourceId === 'vnexpress')).toMatchObject({ discovered: 3, new: 0 });
    expect(third.totals.written).toBe(0);
    expect(replay.hits.length).toBe(33); // Znews: the index answers 304, so its child is not asked for
  });
});
