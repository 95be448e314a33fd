// A follow-up through the real article pipeline (Redis, files, manifest, the BullMQ alert queue,
// a local webhook receiver): a report, then a follow-up that repeats it as background under a new
// lead with new figures and a new actor. The follow-up is its own story — its own file, a manifest
// line with `related` naming the first — and the rule that alerted on the first alerts again,
// marked as an update; a wire copy of the first still merges; the story page shows the thread.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import { watchlistSchema } from '../../config/watchlist-schema.js';
import { articleEntrySchema } from '../../src/write/manifest-entry.js';
import { startAlertWorker } from '../../workers/alert-worker.js';
import { storyPage } from '../../app/dashboard/story-page.js';
import { findArticle } from '../../app/dashboard/latest-articles.js';
import { storyThread } from '../../app/dashboard/story-thread.js';
import { dayReport } from '../../app/cli/day-report.js';
import { BUCKETS, UrlLedger } from '../../src/stats/url-ledger.js';
import type { ArticleOutcome } from '../../base/queues.js';
import { settleArticle } from '../../workers/ledger-outcome.js';
import { SITES } from '../helpers/fixtures.js';
import { startReceiver, type Receiver } from '../helpers/http-receiver.js';
import { testRuntime } from '../helpers/test-runtime.js';
import { feedOutletArticle } from '../helpers/feed-article.js';
import { until } from '../helpers/until.js';

const KIDD_PAGE = readFileSync(
  path.join(
    SITES,
    'baotintuc.vn/the-gioi/han-quoc-va-my-to-chuc-doi-thoai-quoc-phong-tich-hop-kidd-lan-thu-16-20190927093045123.htm',
  ),
  'utf8',
);

/** The follow-up: a new headline and lead (new figures, a new actor), the first report below it. */
function followUp(html: string): string {
  return html
    .replace(/(<h1 class="detail-title">)[^<]*/, '$1KIDD: Mỹ cam kết thêm 3.200 binh sĩ luân phiên')
    .replace(
      /<h2 class="sapo">[^<]*<\/h2>/,
      '<h2 class="sapo">Một ngày sau Đối thoại KIDD, Thứ trưởng Quốc phòng Daniel Whitmore cho biết Mỹ sẽ điều thêm 3.200 binh sĩ luân phiên và 12 tiêm kích F-35 tới Hàn Quốc trước ngày 15/10.</h2>',
    );
}

const baotintuc = loadSources().find((s) => s.id === 'baotintuc')!;
const outlets = Array.from({ length: 3 }, (_, i) => ({
  ...baotintuc,
  id: `outlet-${i}`,
  name: `Outlet ${i}`,
  hosts: [`outlet${i}.vn`],
}));

describe('a follow-up through the article pipeline', () => {
  let rx: Receiver;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let worker: Worker | undefined;

  const feed = (i: number, slug: string, html: string) => feedOutletArticle(rt, i, slug, html);
  const manifest = () =>
    readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    rx = await startReceiver();
    const watchlist = watchlistSchema.parse({
      channels: { hook: { type: 'webhook', url: `${rx.url}/hook`, ratePerMinute: 100 } },
      rules: [{ name: 'kidd', query: 'KIDD', channels: ['hook'] }],
    });
    rt = await testRuntime({ sources: outlets, watchlist });
    worker = startAlertWorker(rt);
  });
  afterAll(async () => {
    await worker?.close();
    await rt.cleanup();
    await rx.close();
  });

  const outcomes: [string, ArticleOutcome][] = [];
  const settled = async (i: number, out: Promise<ArticleOutcome>) => {
    const o = await out;
    outcomes.push([`outlet-${i}`, o]);
    return o;
  };

  it('writes the follow-up as its own story, related to the first, and alerts on it as an update', async () => {
    const first = await settled(0, feed(0, 'kidd', KIDD_PAGE));
    expect(first.outcome).toBe('written');
    await rx.waitFor(1, 30_000);
    // The first alert is sent (its mark set) before the follow-up arrives.
    await until('the first alert done', async () => (await rt.queues.alert.getCompletedCount()) >= 1);

    const next = await settled(1, feed(1, 'kidd-follow-up', followUp(KIDD_PAGE)));
    expect(next).toMatchObject({ outcome: 'written', related: { id: first.storyId, kind: 'follow-up' } });
    const copy = await settled(
      2,
      feed(2, 'kidd-copy', KIDD_PAGE.replace('<h2 class="sapo">', '<h2 class="sapo">TTXVN - ')),
    );
    expect(copy).toMatchObject({ outcome: 'duplicate', duplicateOf: first.storyId });
    expect(readdirSync(path.join(rt.outDir, 'articles'))).toHaveLength(2);

    const lines = manifest();
    const line = lines.find((l) => l.id === next.storyId)!;
    expect(articleEntrySchema.safeParse(line).success).toBe(true);
    expect(line.related).toEqual([{ id: first.storyId, kind: 'follow-up', similarity: expect.any(Number) }]);
    expect((line.related as { similarity: number }[])[0]!.similarity).toBeGreaterThan(0.3);
    expect(lines.find((l) => l.id === first.storyId)!.related).toBeUndefined();

    await rx.waitFor(2, 30_000);
    const [a, b] = rx.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(a).toMatchObject({ rule: 'kidd', story_id: first.storyId, update_of: null });
    expect(b).toMatchObject({
      rule: 'kidd',
      story_id: next.storyId,
      title: 'KIDD: Mỹ cam kết thêm 3.200 binh sĩ luân phiên',
      update_of: {
        story_id: first.storyId,
        title: 'Seoul và Washington nhóm họp Đối thoại quốc phòng tích hợp KIDD lần thứ 16',
      },
    });

    // The story pages show the thread both ways, linked.
    const firstStory = (await findArticle(rt.outDir, first.storyId))!;
    const thread = await storyThread(rt.outDir, firstStory);
    expect(thread.earlier).toEqual([]);
    expect(thread.later.map((t) => [t.id, t.kind])).toEqual([[next.storyId, 'follow-up']]);
    expect(storyPage(firstStory, [], [], null, thread)).toContain(`href="/story/${next.storyId}"`);
    const nextStory = (await findArticle(rt.outDir, next.storyId))!;
    const back = await storyThread(rt.outDir, nextStory);
    expect(back.earlier.map((t) => [t.id, t.title])).toEqual([[first.storyId, firstStory.title]]);
    expect(storyPage(nextStory, [], [], null, back)).toMatch(
      /follows up <a href="\/story\/[0-9a-f]{16}">Seoul và Washington/,
    );
  });

  it("puts the follow-up in the URL ledger's related bucket, the copy in duplicate; the buckets add up", async () => {
    const ledger = new UrlLedger(rt.redis, rt.keys);
    for (const [source, o] of outcomes) {
      await ledger.discovered(source, [o.storyId]);
      await settleArticle(rt, source, o.storyId, o);
    }
    const report = await dayReport(rt);
    const bucketOf = (source: string) => {
      const s = report.sources.find((x) => x.source === source)!;
      expect(
        BUCKETS.reduce((a, b) => a + s.counts[b], 0),
        source,
      ).toBe(s.discovered);
      return BUCKETS.filter((b) => s.counts[b] > 0);
    };
    expect(bucketOf('outlet-0')).toEqual(['written']);
    expect(bucketOf('outlet-1')).toEqual(['related']);
    expect(bucketOf('outlet-2')).toEqual(['duplicate']);
    const related = report.sources.find((x) => x.source === 'outlet-1')!.details.related!;
    expect(Object.keys(related)).toEqual([`follow-up of ${outcomes[0]![1].storyId}`]);
  });
});
