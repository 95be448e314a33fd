// A rule that alerts once per thread, through the real article pipeline (Redis, files, manifest,
// the BullMQ alert queue, a local webhook receiver) on the demo's KIDD report: the first report
// is alerted; a wire copy at another outlet and a follow-up are not alerted each, but gathered
// into one update ("1 more outlet, 1 follow-up") when the update falls due. A retried article job
// adds nothing, and after Redis loses its data and `recover` rebuilds it, a later copy still goes
// to an update, not to a new alert.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecover } from '../../app/cli/recover-command.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { loadSources } from '../../config/load-sources.js';
import { watchlistSchema } from '../../config/watchlist-schema.js';
import { startAlertWorker } from '../../workers/alert-worker.js';
import { SITES } from '../helpers/fixtures.js';
import { startReceiver, type Receiver } from '../helpers/http-receiver.js';
import { tempDir, testPrefix, testRuntime } from '../helpers/test-runtime.js';
import { until } from '../helpers/until.js';
import { feedOutletArticle } from '../helpers/feed-article.js';

const KIDD_PAGE = readFileSync(
  path.join(
    SITES,
    'baotintuc.vn/the-gioi/han-quoc-va-my-to-chuc-doi-thoai-quoc-phong-tich-hop-kidd-lan-thu-16-20190927093045123.htm',
  ),
  'utf8',
);

/** A follow-up: a new headline and lead (new figures), the first report below it. */
const followUp = (html: string): string =>
  html
    .replace(/(<h1 class="detail-title">)[^<]*/, '$1KIDD: Mỹ cam kết thêm 3.200 binh sĩ luân phiên')
    .replace(
      /<h2 class="sapo">[^<]*<\/h2>/,
      '<h2 class="sapo">Một ngày sau Đối thoại KIDD, phía Mỹ cho biết sẽ điều thêm 3.200 binh sĩ luân phiên và 12 tiêm kích tới Hàn Quốc trước ngày 15/10.</h2>',
    );
const wireCopy = (html: string): string => html.replace('<h2 class="sapo">', '<h2 class="sapo">TTXVN - ');

const baotintuc = loadSources().find((s) => s.id === 'baotintuc')!;
const outlets = Array.from({ length: 4 }, (_, i) => ({
  ...baotintuc,
  id: `outlet-${i}`,
  name: `Outlet ${i}`,
  hosts: [`outlet${i}.vn`],
}));

type Rt = Awaited<ReturnType<typeof testRuntime>>;

describe('a rule that alerts once per thread', () => {
  let rx: Receiver;
  const outDir = tempDir('tw-thread-out');
  const prefix = testPrefix();
  const watchlist = () =>
    watchlistSchema.parse({
      channels: { hook: { type: 'webhook', url: `${rx.url}/hook`, ratePerMinute: 1000 } },
      rules: [{ name: 'kidd', query: 'KIDD', channels: ['hook'], perThread: { updateAfterMinutes: 30 } }],
    });

  const feed = feedOutletArticle;
  /** Brings the thread's waiting update forward (it is due 30 minutes on) and waits for it. */
  const releaseUpdates = async (rt: Rt) => {
    const delayed = await rt.queues.alert.getDelayed();
    expect(delayed.map((j) => j.data.kind)).toEqual(['thread-update']);
    for (const j of delayed) await j.promote();
  };

  beforeAll(async () => {
    rx = await startReceiver();
  });
  afterAll(async () => {
    await rx.close();
  });

  it('alerts the first report, then sends its copy and follow-up as one update', async () => {
    const rt = await testRuntime({ sources: outlets, watchlist: watchlist(), outDir, prefix });
    let worker: Worker | undefined = startAlertWorker(rt);
    try {
      const first = await feed(rt, 0, 'kidd', KIDD_PAGE);
      expect(first.outcome).toBe('written');
      await rx.waitFor(1, 30_000);
      const copy = await feed(rt, 1, 'kidd-copy', wireCopy(KIDD_PAGE));
      expect(copy).toMatchObject({ outcome: 'duplicate', duplicateOf: first.storyId });
      const next = await feed(rt, 2, 'kidd-follow-up', followUp(KIDD_PAGE));
      expect(next).toMatchObject({ outcome: 'written', alertJobIds: [] });
      await releaseUpdates(rt);
      await rx.waitFor(2, 30_000);

      const [alert, update] = rx.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
      expect(alert).toMatchObject({ type: 'alert', rule: 'kidd', story_id: first.storyId, thread_id: first.storyId });
      expect(update).toMatchObject({
        type: 'thread-update',
        rule: 'kidd',
        thread: { id: first.storyId },
        more_outlets: expect.arrayContaining(['Outlet 1', 'Outlet 2']),
        follow_ups: 1,
        copies: 1,
      });
      const items = (update as { items: { story_id: string; role: string }[] }).items;
      expect(items.map((i) => [i.story_id, i.role]).sort()).toEqual(
        [
          [copy.storyId, 'copy'],
          [next.storyId, 'follow-up'],
        ].sort(),
      );
      // The copy's page queued again adds nothing: its story is already in a sent update.
      await feed(rt, 1, 'kidd-copy', wireCopy(KIDD_PAGE));
      expect(await rt.queues.alert.getDelayedCount()).toBe(0);
    } finally {
      await worker.close();
      worker = undefined;
      await rt.cleanup(); // Redis loses this prefix's data
    }

    const reader = await testRuntime({ sources: outlets, watchlist: watchlist(), outDir, prefix, outFolder: 'none' });
    expect(await runRecover(reader, false)).toMatch(/1 thread alert\(s\)/);
    await reader.close();
    const again = await testRuntime({ sources: outlets, watchlist: watchlist(), outDir, prefix });
    worker = startAlertWorker(again);
    try {
      const late = await feed(again, 3, 'kidd-late-copy', wireCopy(KIDD_PAGE));
      expect(late.outcome).toBe('duplicate');
      await releaseUpdates(again);
      await rx.waitFor(3, 30_000);
      expect(JSON.parse(rx.received[2]!.body)).toMatchObject({ type: 'thread-update', more_outlets: ['Outlet 3'] });
      // The worker appends the delivery's line once the receiver has answered: wait for it.
      const log = await until('the third line of alerts.jsonl', async () => {
        const lines = readFileSync(path.join(outDir, 'alerts.jsonl'), 'utf8').trim().split('\n');
        return lines.length >= 3 && lines;
      });
      expect(log.map((l) => (JSON.parse(l) as { kind: string }).kind)).toEqual([
        'instant',
        'thread-update',
        'thread-update',
      ]);
    } finally {
      await worker.close();
      await clearPrefix(again.redis, prefix);
      await again.close();
    }
  });
});
