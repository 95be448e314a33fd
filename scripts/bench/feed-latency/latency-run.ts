// One run of the feed latency benchmark (bench-feed-latency.ts starts one per polling strategy,
// side by side): a replay server whose outlets publish a simulated day of items on schedule
// (publishing-day.ts), the whole pipeline in this process (feed polls, crawl, article workers,
// alert worker) with its poll clock running `scale` times fast, and a webhook receiver. Prints
// one JSON line: per alerted item, its latency; per host, the requests it served.
//
// Latency in simulated time: the wait from publication to the poll that saw the item scales with
// the clock; what the pipeline does after (fetch, extract, alert) is real time and is counted as
// it was, not multiplied.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startReplayServer } from '../../../app/replay/replay-server.js';
import { articleUrl, benchSiteWriter, type SiteLayout } from '../../../app/replay/synthetic-site.js';
import { sourceById } from '../../../config/load-sources.js';
import { sourceSchema, type SourceConfig } from '../../../config/source-schema.js';
import { watchlistSchema } from '../../../config/watchlist-schema.js';
import type { PollLimits } from '../../../crawlers/poll/poll-policy.js';
import { clearPrefix } from '../../../base/redis/clear-prefix.js';
import { simulatedClock } from '../../../pipeline/runtime/poll-clock.js';
import { createRuntime } from '../../../pipeline/runtime/runtime.js';
import { startAlertWorker } from '../../../workers/alert-worker.js';
import { startArticleWorkers } from '../../../workers/article-threads.js';
import { startCrawlWorker } from '../../../workers/crawl-worker.js';
import { ensurePollJobs } from '../../../workers/poll-jobs.js';
import { FEEDS, OUTLET_COUNT, publishingDay, type PlannedItem } from './publishing-day.js';

export interface RunOptions {
  strategy: string;
  /** Fixed poll limits; the policy's own when absent. */
  limits?: PollLimits;
  scale: number;
  hours: number;
  seed: number;
}

export interface RunResult {
  strategy: string;
  published: number;
  /** Simulated-time latency (ms) of each item whose alert arrived. */
  latencies: number[];
  /** Per host: requests served by kind, and the shortest gap between two feed requests (simulated ms). */
  hosts: { host: string; feed200: number; feed304: number; other: number; minFeedGapMs: number | null }[];
  simulatedHours: number;
}

const HOUR_MS = 3_600_000;
const FEED_ITEMS_SHOWN = 30;
const WARM_UP_MS = 45_000;
/** Vietnam midnight of the simulated day. */
const DAY_START = Date.parse('2026-12-01T00:00:00+07:00');

function sleepUntil(t: number): Promise<void> {
  const ms = t - Date.now();
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

export async function runLatency(opts: RunOptions): Promise<RunResult> {
  const root = path.join(os.tmpdir(), `tw-latency-${opts.strategy}-${process.pid}`);
  mkdirSync(root, { recursive: true });
  const layout: SiteLayout = {
    outlets: OUTLET_COUNT,
    host: (i) => `o${i}.${opts.strategy}.latency.local`,
    feedPath: 'unused.xml',
  };
  const site = benchSiteWriter(root, layout);
  const replay = await startReplayServer(root);

  // Page numbers: outlet o's pages are o, o + 3, o + 6 … (synthetic-site.ts puts page n on outlet n % 3).
  const nextOnOutlet = Array.from({ length: OUTLET_COUNT }, (_, o) => o);
  const shown: { n: number; at: number }[][] = FEEDS.map(() => []);
  const writeFeed = (f: number): void => {
    const feed = FEEDS[f]!;
    const items = shown[f]!.slice(-FEED_ITEMS_SHOWN)
      .reverse()
      .map(
        (it) =>
          `<item><title>bài ${it.n}</title><link>${articleUrl(it.n, layout)}</link><pubDate>${new Date(it.at).toUTCString()}</pubDate></item>`,
      )
      .join('\n');
    const file = path.join(root, layout.host(feed.outlet), feed.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>feed</title>${items}</channel></rss>`,
    );
  };
  const publish = (item: PlannedItem): string => {
    const outlet = FEEDS[item.feed]!.outlet;
    const n = nextOnOutlet[outlet]!;
    nextOnOutlet[outlet] = n + OUTLET_COUNT;
    const url = site.writePage(n);
    shown[item.feed]!.push({ n, at: item.at });
    writeFeed(item.feed);
    return url;
  };
  // The feeds as they stood at midnight: yesterday's last items.
  for (const item of publishingDay(DAY_START - 24 * HOUR_MS, opts.seed + 1).slice(-60)) publish(item);

  const arrivals = new Map<string, number>();
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = (JSON.parse(body) as { url: string }).url;
      if (!arrivals.has(url)) arrivals.set(url, Date.now());
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const base = sourceById('vnexpress');
  const sources: SourceConfig[] = Array.from({ length: OUTLET_COUNT }, (_, o) =>
    sourceSchema.parse({
      ...base,
      id: `latency-${o}`,
      name: `Outlet ${o}`,
      homepage: `https://${layout.host(o)}/`,
      hosts: [layout.host(o)],
      discovery: {
        feeds: FEEDS.filter((f) => f.outlet === o).map((f) => `https://${layout.host(o)}/${f.path}`),
        listings: [],
      },
      articleUrlPattern: `^https://${layout.host(o).replace(/\./g, '\\.')}/[a-z0-9-]+-\\d{7}\\.html$`,
    }),
  );
  const prefix = `latency-${opts.strategy}-${process.pid}`;
  // Simulated midnight comes after a warm-up in which the first polls read the feeds' earlier
  // items: the day is measured on a pipeline already running, not on its first crawl.
  const realStart = Date.now() + WARM_UP_MS;
  const rt = await createRuntime({
    env: {
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      TINWATCH_PREFIX: prefix,
      TINWATCH_OUT: path.join(root, 'out'),
      TINWATCH_WARC: 'off',
      TINWATCH_FEED_POLLING: 'adaptive',
      // The gap between two requests to a host is politeness in the outlet's time: simulated.
      TINWATCH_HOST_DELAY_MS: Math.round(base.politeness.delayMs / opts.scale),
    },
    log: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    sources,
    originMap: Object.fromEntries(
      sources.map((s) => [`https://${s.hosts[0]}`, `${replay.url}/${s.hosts[0]}`] as const),
    ),
    watchlist: watchlistSchema.parse({
      channels: { hook: { type: 'webhook', url: hook, ratePerMinute: 10_000 } },
      rules: [{ name: 'alliance', query: '"Hàn Quốc"', channels: ['hook'] }],
    }),
    pollClock: simulatedClock(DAY_START, opts.scale, realStart),
    ...(opts.limits ? { pollLimits: opts.limits } : {}),
  });
  const workers = [startCrawlWorker(rt), await startArticleWorkers(rt, { besideCrawler: true }), startAlertWorker(rt)];
  await ensurePollJobs(rt);

  const real = (sim: number): number => realStart + (sim - DAY_START) / opts.scale;
  const day = publishingDay(DAY_START, opts.seed, opts.hours);
  const published: { url: string; feedPath: string; at: number }[] = [];
  for (const item of day) {
    await sleepUntil(real(item.at));
    const url = publish(item);
    const feed = FEEDS[item.feed]!;
    published.push({ url, feedPath: `/${layout.host(feed.outlet)}/${feed.path}`, at: Date.now() });
  }
  // The last items get the slowest poll interval and a minute to be processed.
  await sleepUntil(
    real(DAY_START + opts.hours * HOUR_MS) +
      Math.max(opts.limits?.maxIntervalMs ?? 10 * 60_000, 60_000) / opts.scale +
      60_000,
  );

  const latencies: number[] = [];
  for (const p of published) {
    const alerted = arrivals.get(p.url);
    if (alerted === undefined) continue;
    const seen = replay.requests.find((r) => r.path === p.feedPath && r.status === 200 && r.at >= p.at);
    const seenAt = seen && seen.at <= alerted ? seen.at : p.at;
    latencies.push((seenAt - p.at) * opts.scale + (alerted - seenAt));
  }
  const hosts = Array.from({ length: OUTLET_COUNT }, (_, o) => {
    const prefixPath = `/${layout.host(o)}/`;
    const mine = replay.requests.filter((r) => r.path.startsWith(prefixPath));
    const feeds = mine.filter((r) => r.path.endsWith('.rss')).sort((a, b) => a.at - b.at);
    let minGap: number | null = null;
    for (let i = 1; i < feeds.length; i++) {
      const gap = (feeds[i]!.at - feeds[i - 1]!.at) * opts.scale;
      minGap = minGap === null ? gap : Math.min(minGap, gap);
    }
    return {
      host: layout.host(o),
      feed200: feeds.filter((r) => r.status === 200).length,
      feed304: feeds.filter((r) => r.status === 304).length,
      other: mine.length - feeds.length,
      minFeedGapMs: minGap,
    };
  });
  for (const w of workers) await w.close();
  await clearPrefix(rt.redis, prefix);
  await rt.close();
  await replay.close();
  receiver.close();
  return { strategy: opts.strategy, published: published.length, latencies, hosts, simulatedHours: opts.hours };
}

// Run as a child of bench-feed-latency.ts: options as JSON in argv[2], the result as one JSON line.
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const result = await runLatency(JSON.parse(process.argv[2]!) as RunOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
