// The pipeline benchmark: 5,000 synthetic article pages across 12 outlets on a local replay
// server; the full tinwatch pipeline end to end (discover, fetch, extract, normalize, relevance,
// dedupe, write, match) against a bare crawlee CheerioCrawler that only fetches the same pages.
// Each run is its own child process (clean memory, its own peak RSS); the replay server and
// Redis are child processes too, so they share the machine's two cores as they would in use.
// The two are run back to back BENCH_ROUNDS times (3): this machine's speed drifts from minute to
// minute, so a ratio is only fair between neighbouring runs, and the median of the rounds is
// what the report gives. Pages carry a news site's chrome around the article (app/replay/synthetic-site.ts); one
// more pair runs on the article markup alone, where per-page overhead is all there is to see.
// Usage: npm run bench [-- --write]   (--write appends the results to BENCHMARKS.md)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { storageReport } from '../../src/archive/storage.js';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CheerioCrawler } from 'crawlee';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadWatchlist } from '../../config/load-watchlist.js';
import { PIPELINE } from '../../config/pipeline.js';
import { freshCrawleeConfig } from '../../crawlers/crawlee-setup.js';
import { crawlOnce } from '../../app/cli/crawl-once.js';
import { createRuntime } from '../../src/runtime/runtime.js';
import { createOriginMap } from '../../src/url/origin-map.js';
import { freePort, startRedisServer } from '../../src/redis/embedded-redis.js';
import { StageClock } from '../../src/stats/stage-timings.js';
import { benchHost, benchSources, buildBenchSite, OUTLETS } from '../../app/replay/synthetic-site.js';
import { sampleThreadCpu, type ThreadCpu } from './thread-cpu.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGES = Number(process.env.BENCH_PAGES ?? 5_000);
/**
 * Concurrent requests at most: 2 per outlet host (the politeness default) × 12 outlets, for both
 * runs. tinwatch runs one crawler per outlet, each at its 2; the bare crawler's autoscaled pool
 * starts at crawlee's desired concurrency of 10 and does not need to grow in a run this short
 * (run at 24 from the start, it was no faster: 613 vs 613 pages/s over four alternating pairs).
 */
const CONCURRENCY = 2 * OUTLETS;

interface RunResult {
  pages: number;
  seconds: number;
  peakRssMb: number;
  /** CPU seconds (user + system) of the run's process, all its threads. */
  cpuSecs?: number;
  stages?: Record<string, { ms: number; n: number }>;
  /** CPU seconds by thread (Linux): the crawling thread, V8's helpers, threads the run started. */
  threads?: ThreadCpu | undefined;
  totals?: Record<string, number>;
}

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop: () => {
      clearInterval(t);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
    },
  };
}

function originMap(replayUrl: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (let i = 0; i < OUTLETS; i++) map[`https://${benchHost(i)}`] = `${replayUrl}/${benchHost(i)}`;
  return map;
}

async function runBare(replayUrl: string, urls: string[]): Promise<RunResult> {
  const map = createOriginMap(originMap(replayUrl));
  let pages = 0;
  const rss = sampleRss();
  const threads = sampleThreadCpu();
  const started = performance.now();
  const crawler = new CheerioCrawler(
    { maxConcurrency: CONCURRENCY, maxRequestRetries: 0, requestHandler: async () => void pages++ },
    await freshCrawleeConfig(),
  );
  await crawler.run(urls.map((u) => map.toFetchUrl(u)));
  const seconds = (performance.now() - started) / 1000;
  return { pages, seconds, peakRssMb: rss.stop(), threads: threads.stop() };
}

async function runPipeline(replayUrl: string, redisUrl: string, out: string): Promise<RunResult> {
  const rt = await createRuntime({
    env: {
      REDIS_URL: redisUrl,
      TINWATCH_PREFIX: 'bench',
      TINWATCH_OUT: out,
      TINWATCH_CRAWL_CONCURRENCY: OUTLETS,
      TINWATCH_HOST_DELAY_MS: 0,
    },
    log: pino({ level: 'silent' }),
    sources: benchSources(),
    originMap: originMap(replayUrl),
    // The bundled rules, delivered to the log without a rate limit: the benchmark measures the
    // pipeline, not a channel's politeness limit (which would hold alerts back by design).
    watchlist: { ...loadWatchlist(), channels: { log: { type: 'log', ratePerMinute: 10_000 } } },
  });
  const clock = new StageClock();
  rt.timings = clock;
  const rss = sampleRss();
  const threads = sampleThreadCpu();
  const started = performance.now();
  const summary = await crawlOnce(rt, {
    sources: rt.sources,
    pollMs: 100,
    // Up to matching, as the issue defines the pipeline: alert jobs are queued, their delivery
    // (network I/O to channels) is not part of the measured run.
    localQueues: ['crawl', 'article'],
    skipAlertWait: true,
  });
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = rss.stop();
  const threadCpu = threads.stop();
  await rt.close();
  const t = summary.totals;
  return {
    pages: t.written + t.duplicate + t.offTopic + t.failed,
    seconds,
    peakRssMb,
    stages: Object.fromEntries(clock.totals),
    totals: { ...t },
    threads: threadCpu,
  };
}

/** Back-to-back pairs of bare and end-to-end runs (BENCH_ROUNDS); the ratio is their median. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

interface Round {
  bare: RunResult;
  pipeline: RunResult;
  replayCpuBare: number;
  replayCpuPipeline: number;
  redisCalls: Map<string, number>;
  redisCpu: number;
}

/** The heap budget tinwatch ships with (Dockerfile, npm start); both measured runs get it. */
const HEAP_FLAG = `--max-old-space-size=${PIPELINE.heapBudgetMb}`;
// BENCH_NODE_FLAGS replaces it for both measured runs (e.g. another budget, or none with '').
const RUN_FLAGS = (process.env.BENCH_NODE_FLAGS ?? HEAP_FLAG).split(/\s+/).filter(Boolean);

async function child(
  mode: string,
  replayUrl: string,
  redisUrl: string,
  /** Where the pipeline writes its files ('-' for the bare crawler, which writes none). */
  outDir: string,
  flags: string[] = RUN_FLAGS,
): Promise<RunResult> {
  // BENCH_PROFILE=DIR writes a V8 CPU profile of each run there (how the top cost was found).
  const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const args = [
    ...prof,
    ...flags,
    '--import',
    'tsx',
    path.join(ROOT, 'scripts/bench/bench-pipeline.ts'),
    '--child',
    mode,
    replayUrl,
    redisUrl,
    outDir,
  ];
  const out = execFileSync(process.execPath, args, {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as RunResult;
}

/** CPU seconds a process has used so far (Linux /proc; clock ticks are 1/100 s). */
function processCpuSecs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A replay server for a site folder, and its URL once it listens. */
async function startReplay(dir: string): Promise<[ChildProcess, string]> {
  const replay = spawn(process.execPath, [path.join(ROOT, 'bin/tinwatch.js'), 'replay', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    replay.stdout!.on('data', (d: Buffer) => {
      const m = /replay server on (\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
  });
  return [replay, url];
}

/** Average size of a site's article pages, in KiB. */
function kib(dir: string): string {
  let bytes = 0;
  let pages = 0;
  for (const host of readdirSync(dir)) {
    for (const f of readdirSync(path.join(dir, host)).filter((x) => x.endsWith('.html'))) {
      bytes += statSync(path.join(dir, host, f)).size;
      pages++;
    }
  }
  return (bytes / pages / 1024).toFixed(1);
}

async function flushRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  await client.flushall();
  client.disconnect();
}

/** Redis commands by name since the last reset (INFO commandstats), and the CPU Redis used. */
async function redisCommandStats(
  url: string,
  reset: boolean,
): Promise<{ calls: Map<string, number>; cpuSecs: number }> {
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  try {
    const text = await client.info('commandstats');
    const cpu = await client.info('cpu');
    if (reset) await client.config('RESETSTAT');
    const calls = new Map<string, number>();
    for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(m[1]!, Number(m[2]));
    const num = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? 0);
    return { calls, cpuSecs: num('used_cpu_sys') + num('used_cpu_user') };
  } finally {
    client.disconnect();
  }
}

async function main(): Promise<void> {
  // The site and every run's output stay until the end. Deleting one run's 4,250 files just
  // before the next run writes as many made each new file cost ~0.6 ms of kernel CPU here: ext4
  // without a journal passes over inodes freed in the last 30–60 s, and when those are all a
  // block group has left, it scans the whole group for every new file (perf: recently_deleted in
  // find_inode_bit). That was ~2.5 CPU-s per run which tinwatch, whose output folder only grows,
  // does not pay in use.
  const work = mkdtempSync(path.join(os.tmpdir(), 'tw-bench-'));
  const site = path.join(work, 'site');
  // The same stories as article markup alone, for the comparison pair (the earlier benchmark's pages).
  const bareSite = path.join(work, 'site-article-markup-only');
  let runs = 0;
  let pipelineDir = '';
  const outDir = (): string => path.join(work, `out-${++runs}`);
  process.stderr.write(`building ${PAGES} pages across ${OUTLETS} outlets in ${site}\n`);
  buildBenchSite(site, PAGES);
  buildBenchSite(bareSite, PAGES, undefined, { chrome: false });
  const siteKib = kib(site);
  const bareSiteKib = kib(bareSite);
  const [replay, replayUrl] = await startReplay(site);
  const [bareReplay, bareReplayUrl] = await startReplay(bareSite);
  const redis = await startRedisServer({ port: await freePort(), dir: null });
  try {
    // The machine's speed drifts between runs (shared host): each round runs the bare crawler and
    // the pipeline back to back, and the ratio is taken per round; the report gives every round
    // and the median.
    const rounds: Round[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      process.stderr.write(`round ${r}/${ROUNDS}: bare CheerioCrawler…\n`);
      const replayCpu0 = processCpuSecs(replay.pid!);
      const bare = await child('bare', replayUrl, redis.url, '-');
      const replayCpu1 = processCpuSecs(replay.pid!);
      process.stderr.write(`round ${r}/${ROUNDS}: tinwatch pipeline…\n`);
      await flushRedis(redis.url); // every pipeline run starts from an empty Redis
      const before = await redisCommandStats(redis.url, true);
      pipelineDir = outDir();
      const pipeline = await child('pipeline', replayUrl, redis.url, pipelineDir);
      const after = await redisCommandStats(redis.url, false);
      const replayCpu2 = processCpuSecs(replay.pid!);
      rounds.push({
        bare,
        pipeline,
        replayCpuBare: replayCpu1 - replayCpu0,
        replayCpuPipeline: replayCpu2 - replayCpu1,
        redisCalls: after.calls,
        redisCpu: after.cpuSecs - before.cpuSecs,
      });
    }
    // For comparison, the same pair with V8's own heap sizing (no budget): a fresh Redis state.
    process.stderr.write('tinwatch pipeline, V8 default heap…\n');
    await flushRedis(redis.url);
    const unbudgeted = await child('pipeline', replayUrl, redis.url, outDir(), []);
    process.stderr.write('bare CheerioCrawler, V8 default heap…\n');
    const bareUnbudgeted = await child('bare', replayUrl, redis.url, '-', []);
    // For comparison, the same stories without page chrome: what per-page overhead alone costs.
    process.stderr.write('bare CheerioCrawler, article markup only…\n');
    const bareMarkupOnly = await child('bare', bareReplayUrl, redis.url, '-');
    process.stderr.write('tinwatch pipeline, article markup only…\n');
    await flushRedis(redis.url);
    const markupOnly = await child('pipeline', bareReplayUrl, redis.url, outDir());
    // Every round writes the same stories: one round's output says what each costs on disk.
    const disk = await storageReport(pipelineDir);
    const rate = (r: RunResult) => r.pages / r.seconds;
    const ratio = (x: Round) => rate(x.pipeline) / rate(x.bare);
    const byRatio = [...rounds].sort((a, b) => ratio(a) - ratio(b));
    const median = byRatio[Math.floor((byRatio.length - 1) / 2)]!;
    const single = median.pipeline;
    const redisCalls = [...median.redisCalls].sort((a, b) => b[1] - a[1]);
    const redisTotal = redisCalls.reduce((n, [, c]) => n + c, 0);
    const row = (label: string, x: RunResult) =>
      `| ${label} | ${x.pages} | ${x.seconds.toFixed(1)} | ${rate(x).toFixed(0)} | ${x.peakRssMb} | ${x.cpuSecs?.toFixed(1)} |`;
    const cpuRow = (label: string, x: RunResult, redisCpu: number, replayCpu: number): string => {
      const th = x.threads;
      const cells = th ? [th.main, th.v8Helpers, th.startedDuringRun] : [NaN, NaN, NaN];
      const all = cells.reduce((a, b) => a + b, 0) + redisCpu + replayCpu;
      const kernel = th?.kernel ?? NaN;
      return `| ${label} | ${[...cells, kernel, redisCpu, replayCpu, all].map((v) => v.toFixed(1)).join(' | ')} |`;
    };
    const stageRows = Object.entries(single.stages ?? {})
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([k, v]) => `| ${k} | ${v.n} | ${(v.ms / 1000).toFixed(2)} | ${(v.ms / v.n).toFixed(2)} |`);
    const report = [
      `## Pipeline — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Command: \`npm run bench\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} · ${PAGES} article pages of ${siteKib} KiB on average (news-site page chrome around the article; ${bareSiteKib} KiB for the article markup alone), ${OUTLETS} outlets, at most ${CONCURRENCY} concurrent requests in a run (tinwatch: 2 per host; the bare crawler: crawlee's autoscaled pool, which keeps 10 in flight — 24 measured the same) · ${ROUNDS} rounds · node flags of the rounds: \`${RUN_FLAGS.join(' ') || '(none)'}\` (tinwatch's shipped heap budget is \`${HEAP_FLAG}\`) · article threads: ${process.env.TINWATCH_ARTICLE_THREADS ?? 'default'}`,
      '',
      '| run | pages | seconds | pages/s | peak RSS (MB) | CPU (s) |',
      '|---|---:|---:|---:|---:|---:|',
      ...rounds.flatMap((x, i) => [
        row(`round ${i + 1}: bare crawlee CheerioCrawler (fetch only)`, x.bare),
        row(`round ${i + 1}: tinwatch end to end (\`crawl --once\`)`, x.pipeline),
      ]),
      row('bare crawlee CheerioCrawler, V8 default heap (for comparison)', bareUnbudgeted),
      row('tinwatch end to end, V8 default heap (for comparison)', unbudgeted),
      row('bare crawlee CheerioCrawler, article markup only (for comparison)', bareMarkupOnly),
      row('tinwatch end to end, article markup only (for comparison)', markupOnly),
      '',
      `Ratio end to end / bare with the same flags, per round: ${rounds.map((x) => ratio(x).toFixed(2)).join(', ')}; median **${ratio(median).toFixed(2)}** (target ≥ 0.7). With V8's default heap on both sides: ${(rate(unbudgeted) / rate(bareUnbudgeted)).toFixed(2)}. On the article markup alone (no page chrome, ${bareSiteKib} KiB pages): ${(rate(markupOnly) / rate(bareMarkupOnly)).toFixed(2)}. End to end ≥ 150 pages/s and peak RSS ≤ 600 MB are the other targets. Alert jobs are queued (matching is measured); their delivery is not part of the run. The lines below are from the median round.`,
      `Outcomes: ${JSON.stringify(single.totals)}`,
      `Disk per written article (\`tinwatch storage report\` on one round's output; WARC capture on, as shipped): ${disk.perArticle ? `${(disk.perArticle.textBytes / 1024).toFixed(1)} KiB of text, ${(disk.perArticle.warcBytes / 1024).toFixed(1)} KiB of WARC (request, response and metadata records, gzip per record)` : 'nothing written'}; manifest ${(disk.totals.manifestBytes / Math.max(1, disk.totals.articles) / 1024).toFixed(2)} KiB per article.`,
      `CPU of the replay server that served the pages: ${median.replayCpuBare.toFixed(1)} s during the bare run, ${median.replayCpuPipeline.toFixed(1)} s during the end-to-end run.`,
      `Redis during the end-to-end run: ${(redisTotal / single.pages).toFixed(1)} commands per page, ${median.redisCpu.toFixed(1)} s of Redis CPU; most called: ${redisCalls
        .slice(0, 8)
        .map(([name, n]) => `${name} ${(n / single.pages).toFixed(1)}`)
        .join(', ')} (per page).`,
      '',
      'CPU seconds by thread in the median round (Linux /proc; V8 helpers are its garbage-collection and compiler threads; threads started during the run are the article worker threads and libuv pool threads):',
      '',
      '| run | main thread | V8 helpers | threads started during the run | of these three, in the kernel | Redis | replay server | all |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      cpuRow('bare crawlee CheerioCrawler', median.bare, 0, median.replayCpuBare),
      cpuRow('tinwatch end to end', median.pipeline, median.redisCpu, median.replayCpuPipeline),
      '',
      'Where the time goes in the end-to-end run (crawling thread and article threads; summed over concurrent jobs, so stages overlap in wall time):',
      '',
      '| stage | calls | total (s) | per call (ms) |',
      '|---|---:|---:|---:|',
      ...stageRows,
      '',
    ].join('\n');
    process.stdout.write(`${report}\n`);
    if (process.argv.includes('--write')) appendFileSync(path.join(ROOT, 'BENCHMARKS.md'), `\n${report}`);
  } finally {
    replay.kill('SIGTERM');
    bareReplay.kill('SIGTERM');
    await redis.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, , , mode, replayUrl, redisUrl, outDir] = process.argv;
  const { articleUrl } = await import('../../app/replay/synthetic-site.js');
  const urls = Array.from({ length: PAGES }, (_, n) => articleUrl(n));
  const cpuStart = process.cpuUsage();
  const result = mode === 'bare' ? await runBare(replayUrl!, urls) : await runPipeline(replayUrl!, redisUrl!, outDir!);
  const cpu = process.cpuUsage(cpuStart);
  result.cpuSecs = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} else {
  await main();
}
