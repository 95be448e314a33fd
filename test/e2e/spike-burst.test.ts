// A spike rule on a replayed burst, end to end: real Redis, the replay server serving a burst of
// stories across outlets (published minutes ago, one of them copied by a second outlet), the
// real crawl → article → alert pipeline and a local webhook receiver. The spike fires exactly
// once, naming the threads behind it; more of the same burst sends nothing; and after Redis loses
// its data and `tinwatch recover` rebuilds it from the output folder, the burst still sends
// nothing more.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchlistSchema, type Watchlist } from '../../config/watchlist-schema.js';
import { runRecover } from '../../app/cli/recover-command.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { RuleMatcher } from '../../src/match/rule-matcher.js';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { startReceiver, type Receiver } from '../helpers/http-receiver.js';
import { classifiedOnTopicArticles, testArticlePage, testSource } from '../helpers/test-source.js';
import { tempDir, testPrefix, testRuntime } from '../helpers/test-runtime.js';
import type { EvalArticle } from '../../evaluation/own-eval-set.js';

const HOSTS = ['tin-a.vn', 'tin-b.vn', 'tin-c.vn', 'tin-d.vn'];
const sources = HOSTS.map((h) => testSource(h));

/** The replayed sites: each host's feed lists its pages, published `minutesAgo` before now. */
function writeSites(root: string, pages: { host: string; slug: string; article: EvalArticle; minutesAgo: number }[]) {
  for (const host of HOSTS) {
    mkdirSync(path.join(root, host), { recursive: true });
    const mine = pages.filter((p) => p.host === host);
    const items = mine
      .map(
        (p) =>
          `<item><title>${p.article.title}</title><link>https://${host}/${p.slug}.html</link>` +
          `<pubDate>${new Date(Date.now() - p.minutesAgo * 60_000).toUTCString()}</pubDate></item>`,
      )
      .join('');
    writeFileSync(
      path.join(root, host, 'rss.xml'),
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${host}</title>${items}</channel></rss>`,
    );
    for (const p of mine) writeFileSync(path.join(root, host, `${p.slug}.html`), testArticlePage(p.article));
  }
}

describe('a spike rule on a replayed burst', () => {
  const root = tempDir('tw-burst-sites');
  const outDir = tempDir('tw-burst-out');
  const prefix = testPrefix();
  let replay: ReplayServer;
  let rx: Receiver;
  let watchlist: Watchlist;
  let burst: EvalArticle[];
  const opts = () => ({ sources, outDir, prefix, watchlist, originMap: replayOriginMap(replay.url, HOSTS) });

  beforeAll(async () => {
    rx = await startReceiver();
    replay = await startReplayServer(root);
    watchlist = watchlistSchema.parse({
      channels: { hook: { type: 'webhook', url: `${rx.url}/hook`, ratePerMinute: 1000 } },
      rules: [
        {
          name: 'korea-spike',
          query: '"Hàn Quốc"',
          channels: ['hook'],
          spike: { hours: 6, factor: 3, minMatches: 5 },
        },
      ],
    });
    // Distinct events, so each is a story of its own (the copy below is the only duplicate).
    const matcher = new RuleMatcher(watchlist.rules);
    const seen = new Set<string>();
    burst = classifiedOnTopicArticles().filter((a) => {
      if (!matcher.match({ title: a.title, lead: a.lead, body: a.paragraphs }).length) return false;
      const event = a.event ?? a.id;
      if (seen.has(event)) return false;
      seen.add(event);
      return true;
    });
    expect(burst.length).toBeGreaterThanOrEqual(7);
  });
  afterAll(async () => {
    await replay.close();
    await rx.close();
  });

  it('fires once, names the threads behind it, and never again for the same burst', async () => {
    // The burst: four stories in the last hour, the first also carried by a second outlet: the
    // fifth match tips the rule over (minMatches 5, nothing in the 7 days before).
    const first = [
      { host: 'tin-a.vn', slug: 'tin-1000001', article: burst[0]!, minutesAgo: 50 },
      { host: 'tin-b.vn', slug: 'ban-sao-1000002', article: burst[0]!, minutesAgo: 40 },
      { host: 'tin-b.vn', slug: 'tin-1000003', article: burst[1]!, minutesAgo: 30 },
      { host: 'tin-c.vn', slug: 'tin-1000004', article: burst[2]!, minutesAgo: 20 },
      { host: 'tin-d.vn', slug: 'tin-1000005', article: burst[3]!, minutesAgo: 10 },
    ];
    writeSites(root, first);
    const rt = await testRuntime(opts());
    const run = await crawlOnce(rt, { sources, pollMs: 50 });
    expect(run.totals).toMatchObject({ written: 4, duplicate: 1, offTopic: 0, failed: 0 });
    await rx.waitFor(1, 30_000);
    const alert = JSON.parse(rx.received[0]!.body) as {
      type: string;
      rule: string;
      count: number;
      usual: number;
      threads: { id: string; title: string; matches: number; outlets: string[] }[];
    };
    expect(alert).toMatchObject({ type: 'spike', rule: 'korea-spike', count: 5, usual: 0 });
    expect(alert.threads).toHaveLength(4);
    // The copied story's thread made two of the matches, at two outlets.
    expect(alert.threads[0]).toMatchObject({ title: burst[0]!.title, matches: 2, outlets: ['tin-a.vn', 'tin-b.vn'] });

    // More of the same burst: the rule is still hot, the spike is the same one.
    writeSites(root, [
      ...first,
      { host: 'tin-c.vn', slug: 'tin-1000006', article: burst[4]!, minutesAgo: 5 },
      { host: 'tin-d.vn', slug: 'tin-1000007', article: burst[5]!, minutesAgo: 4 },
    ]);
    const more = await crawlOnce(rt, { sources, pollMs: 50 });
    expect(more.totals).toMatchObject({ written: 2, failed: 0 });
    await rt.cleanup(); // Redis loses this prefix's data

    const reader = await testRuntime({ ...opts(), outFolder: 'none' });
    expect(await runRecover(reader, false)).toMatch(/1 spike\(s\) marked/);
    await reader.close();
    const after = await testRuntime(opts());
    try {
      writeSites(root, [
        ...first,
        { host: 'tin-c.vn', slug: 'tin-1000006', article: burst[4]!, minutesAgo: 5 },
        { host: 'tin-d.vn', slug: 'tin-1000007', article: burst[5]!, minutesAgo: 4 },
        { host: 'tin-a.vn', slug: 'tin-1000008', article: burst[6]!, minutesAgo: 1 },
      ]);
      const last = await crawlOnce(after, { sources, pollMs: 50 });
      expect(last.totals).toMatchObject({ written: 1, failed: 0 });
      // The rebuilt record still knows the rule's 8 matches and that its spike fired.
      expect(await after.redis.zcard(after.keys.ruleHits('korea-spike'))).toBe(8);
    } finally {
      await clearPrefix(after.redis, prefix);
      await after.close();
    }
    // Exactly one spike alert, in the channel and in the output folder's alert log.
    expect(rx.received).toHaveLength(1);
    const logged = readFileSync(path.join(outDir, 'alerts.jsonl'), 'utf8').trim().split('\n');
    expect(logged.map((l) => JSON.parse(l) as { kind: string; rule: string })).toEqual([
      expect.objectContaining({ kind: 'spike', rule: 'korea-spike' }),
    ]);
  });
});
