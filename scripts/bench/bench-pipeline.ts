// The pipeline benchmark: 5,000 synthetic article pages across 12 outlets on a local replay
// server; the full tinwatch pipeline end to end (discover, fetch, extract, normalize, relevance,
// dedupe, write, match) against a bare crawlee CheerioCrawler that only fetches the same pages.
// Each run is its own child process (clean memory, its own peak RSS); the replay server and
// Redis are child processes too, so they share the machine's two cores as they would in use.
// The two are run back to back BENCH_ROUNDS times (3): this machine's speed drifts from minute to
// minute, so a ratio is only fair between neighbouring runs, and the median of the rounds is
// what the report gives. Pages carry a news site's chrome around the article
// (app/replay/synthetic-site.ts); one more pair runs on the article markup alone, where per-page
// overhead is all there is to see.
// Usage: npm run bench [-- --write]   (--write puts the results in BENCHMARKS.md, in place of the last run)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBenchSite, OUTLETS } from '../../app/replay/synthetic-site.js';
import { storageReport } from '../../src/archive/storage.js';
import { freePort, startRedisServer } from '../../base/redis/embedded-redis.js';
import { child, flushRedis, kib, processCpuSecs, redisCommandStats, startReplay } from './pipeline/bench-processes.js';
import { PAGES, runBare, runPipeline } from './pipeline/measured-runs.js';
import { pipelineReport, type Round } from './pipeline/pipeline-report.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';

/** Back-to-back pairs of bare and end-to-end runs (BENCH_ROUNDS); the ratio is their median. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

async function main(): Promise<void> {
  // The site and every run's output stay until the end. Deleting one run's files just before
  // the next run writes as many made each new file cost kernel CPU here: ext4
  // without a journal passes over inodes freed in the last 30–60 s, and when those are all a
  // block group has left, it scans the whole group for every new file (perf: recently_deleted in
  // find_inode_bit) — kernel CPU that tinwatch, whose output folder only grows, does not pay.
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
    const report = pipelineReport({
      rounds,
      unbudgeted,
      bareUnbudgeted,
      bareMarkupOnly,
      markupOnly,
      disk,
      siteKib,
      bareSiteKib,
    });
    process.stdout.write(`${report}\n`);
    if (process.argv.includes('--write')) writeBenchmarkSection(report);
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
