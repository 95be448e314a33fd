// npm run soak [-- --write]: the pipeline runs continuously against a local replay server whose
// outlets keep publishing, and its memory is sampled over time. Target: flat memory over 30
// minutes (RSS and heap grow < 10 % after warm-up). Not part of `npm test`.
//   SOAK_MINUTES (30)  how long to crawl      SOAK_WARMUP_MINUTES (5)  excluded from the verdict
//   SOAK_OUTLETS (4)   synthetic outlets      SOAK_NEW_PER_TICK (12)    new articles every tick
//   SOAK_TICK_SECS (10) how often outlets publish and every source is crawled
// Everything runs in this process (workers, scheduler ticks, replay server) on a private
// redis-server, so one RSS covers the pipeline; the replay server's own memory is small and flat.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadWatchlist } from '../../config/load-watchlist.js';
import { createRuntime } from '../../pipeline/runtime/runtime.js';
import { freePort, startRedisServer } from '../../base/redis/embedded-redis.js';
import { startReplayServer } from '../../app/replay/replay-server.js';
import { JOB } from '../../base/queues.js';
import { startAlertWorker } from '../../workers/alert-worker.js';
import { startArticleWorkers } from '../../workers/article-threads.js';
import { startCrawlWorker } from '../../workers/crawl-worker.js';
import { benchHost, benchSiteWriter, benchSources } from '../../app/replay/synthetic-site.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const WARMUP = Number(process.env.SOAK_WARMUP_MINUTES ?? Math.min(5, MINUTES / 5));
const OUTLETS = Number(process.env.SOAK_OUTLETS ?? 4);
const NEW_PER_TICK = Number(process.env.SOAK_NEW_PER_TICK ?? 12);
const TICK_SECS = Number(process.env.SOAK_TICK_SECS ?? 10);
const FEED_ITEMS = 60; // a feed lists its newest items only, as outlets' feeds do

interface Sample {
  minute: number;
  rssMb: number;
  heapMb: number;
  redisMb: number;
  written: number;
}

const layout = { outlets: OUTLETS, host: benchHost, feedPath: 'rss.xml' };
const site = mkdtempSync(path.join(os.tmpdir(), 'tw-soak-site-'));
const outDir = mkdtempSync(path.join(os.tmpdir(), 'tw-soak-out-'));
const writer = benchSiteWriter(site, layout);
let published = 0;
const publish = (n: number): void => {
  for (let i = 0; i < n; i++) writer.writePage(published++);
  const first = Math.max(0, published - FEED_ITEMS * OUTLETS);
  writer.writeFeeds(Array.from({ length: published - first }, (_, k) => first + k));
};
publish(FEED_ITEMS * OUTLETS);

const redisServer = await startRedisServer({ port: await freePort(), dir: null });
const replay = await startReplayServer(site);
const sources = benchSources().slice(0, OUTLETS);
const rt = await createRuntime({
  env: { REDIS_URL: redisServer.url, TINWATCH_PREFIX: 'soak', TINWATCH_OUT: outDir, TINWATCH_HOST_DELAY_MS: 0 },
  log: pino({ level: 'silent' }),
  sources,
  watchlist: {
    ...loadWatchlist(),
    channels: { log: { type: 'log', ratePerMinute: 100_000 } },
    rules: loadWatchlist().rules.map((r) => ({ ...r, channels: ['log'] })),
  },
  originMap: Object.fromEntries(sources.map((s, i) => [`https://${benchHost(i)}`, `${replay.url}/${benchHost(i)}`])),
});
const workers = [startCrawlWorker(rt), await startArticleWorkers(rt, { besideCrawler: true }), startAlertWorker(rt)];

const started = Date.now();
const samples: Sample[] = [];
const sample = async (): Promise<void> => {
  const mem = process.memoryUsage();
  const info = await rt.redis.info('memory');
  samples.push({
    minute: (Date.now() - started) / 60_000,
    rssMb: mem.rss / 2 ** 20,
    heapMb: mem.heapUsed / 2 ** 20,
    redisMb: Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0) / 2 ** 20,
    written: readdirSync(path.join(outDir, 'articles'), { withFileTypes: true }).length,
  });
};
const tick = async (): Promise<void> => {
  publish(NEW_PER_TICK);
  for (const s of sources)
    await rt.queues.crawl.add(JOB.crawl, { sourceId: s.id }, { jobId: `soak-${s.id}-${Date.now()}` });
};
await tick();
const tickTimer = setInterval(() => void tick(), TICK_SECS * 1000);
const sampleTimer = setInterval(() => void sample().catch(() => undefined), 15_000);
await new Promise((r) => setTimeout(r, MINUTES * 60_000));
clearInterval(tickTimer);
clearInterval(sampleTimer);
await sample();
await Promise.all(workers.map((w) => w.close()));
const failed = (await rt.queues.article.getFailedCount()) + (await rt.queues.crawl.getFailedCount());
await rt.close();
await replay.close();
await redisServer.stop();

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const after = samples.filter((s) => s.minute >= WARMUP);
const span = (MINUTES - WARMUP) / 5;
const early = after.filter((s) => s.minute < WARMUP + span);
const late = after.filter((s) => s.minute >= MINUTES - span);
const growth = (k: 'rssMb' | 'heapMb'): number =>
  (median(late.map((s) => s[k])) / median(early.map((s) => s[k])) - 1) * 100;
const rssGrowth = growth('rssMb');
const heapGrowth = growth('heapMb');
const last = samples.at(-1)!;
const everyMinute = samples.filter(
  (s, i) => i === samples.length - 1 || Math.floor(s.minute) !== Math.floor(samples[i + 1]?.minute ?? -1),
);
const f1 = (x: number): string => x.toFixed(1);
const report = [
  `## Soak — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Command: \`npm run soak\` (SOAK_MINUTES=${MINUTES}) · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version} · ${OUTLETS} outlets publishing ${NEW_PER_TICK} articles every ${TICK_SECS} s (feeds list the newest ${FEED_ITEMS} each), every source crawled every ${TICK_SECS} s, workers in one process (article jobs in a worker thread; heap is the main thread's, RSS the whole process), private redis-server`,
  '',
  `${last.written} articles written, ${published} published, ${failed} failed jobs. After a ${f1(WARMUP)}-minute warm-up, median of the last fifth vs the first fifth: **RSS ${rssGrowth >= 0 ? '+' : ''}${f1(rssGrowth)} %**, **heap ${heapGrowth >= 0 ? '+' : ''}${f1(heapGrowth)} %** (target < 10 %). Redis grows with the data kept on purpose (seen URLs, dedupe index, completed-job history capped at 5,000).`,
  '',
  '| minute | RSS (MB) | heap used (MB) | Redis used (MB) | articles written |',
  '|---:|---:|---:|---:|---:|',
  ...everyMinute.map((s) => `| ${f1(s.minute)} | ${f1(s.rssMb)} | ${f1(s.heapMb)} | ${f1(s.redisMb)} | ${s.written} |`),
  '',
].join('\n');
process.stdout.write(`${report}\n`);
if (process.argv.includes('--write')) writeBenchmarkSection(report);
rmSync(site, { recursive: true, force: true });
rmSync(outDir, { recursive: true, force: true });
process.exitCode = rssGrowth < 10 && heapGrowth < 10 && failed === 0 ? 0 : 1;
