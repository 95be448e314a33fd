// Alert benchmark (issue: keyword alerts). Two numbers:
// 1. Matching cost per article with 1, 100 and 1,000 rules over a ~2,000-word article.
// 2. Alert latency: article written → webhook received on loopback (real Redis, real BullMQ
//    alert worker, real HTTP receiver), p50/p95 over 200 stories.
// Usage: npm run bench:alerts [-- --write]   (--write puts the results in BENCHMARKS.md, in place of the last run)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { loadSources } from '../../config/load-sources.js';
import { watchlistSchema } from '../../config/watchlist-schema.js';
import { longArticle, ruleVocabulary, syntheticRules } from './bench-alerts-lib.js';
import { createRuntime } from '../../pipeline/runtime/runtime.js';
import { RuleMatcher } from '../../src/match/rule-matcher.js';
import { processArticle } from '../../pipeline/article/process-article.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { freePort, startRedisServer } from '../../base/redis/embedded-redis.js';
import { storyIdFor } from '../../base/url/canonical-url.js';
import { startAlertWorker } from '../../workers/alert-worker.js';
import { percentile } from './percentile.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function benchMatching(): string[] {
  const article = longArticle();
  const words = [article.title, article.lead, ...article.body].join(' ').split(/\s+/).length;
  const rows: string[] = [
    `Rule terms drawn from ${ruleVocabulary()}.`,
    '',
    `| rules | terms | article words | compile (ms) | match per article, median (ms) | p95 (ms) | rules matched |`,
    `|---:|---|---:|---:|---:|---:|---:|`,
  ];
  for (const [n, specific] of [
    [1, true],
    [100, true],
    [1_000, true],
    [1_000, false],
  ] as const) {
    const rules = syntheticRules(n, specific);
    const t0 = performance.now();
    const m = new RuleMatcher(rules);
    const compile = performance.now() - t0;
    for (let i = 0; i < 100; i++) m.match(article); // warm-up (JIT)
    const times: number[] = [];
    let matched = 0;
    for (let i = 0; i < 500; i++) {
      const s = performance.now();
      matched = m.match(article).length;
      times.push(performance.now() - s);
    }
    const kind = specific ? 'specific (df < 0.5%)' : 'any word (stress)';
    rows.push(
      `| ${n} | ${kind} | ${words} | ${compile.toFixed(1)} | ${percentile(times, 50).toFixed(3)} | ${percentile(times, 95).toFixed(3)} | ${matched} |`,
    );
  }
  return rows;
}

async function benchLatency(): Promise<string[]> {
  const arrivals = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      arrivals.set((JSON.parse(body) as { story_id: string }).story_id, performance.now());
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const redis = process.env.REDIS_URL ? null : await startRedisServer({ port: await freePort(), dir: null });
  const baotintuc = loadSources().find((s) => s.id === 'baotintuc')!;
  const watchlist = watchlistSchema.parse({
    channels: { hook: { type: 'webhook', url: hook, ratePerMinute: 10_000 } },
    rules: [{ name: 'kidd', query: 'KIDD', channels: ['hook'] }],
  });
  const prefix = `bench-${Date.now()}`;
  const rt = await createRuntime({
    env: {
      REDIS_URL: process.env.REDIS_URL ?? redis!.url,
      TINWATCH_PREFIX: prefix,
      TINWATCH_OUT: path.join(os.tmpdir(), prefix),
    },
    log: pino({ level: 'silent' }),
    sources: [baotintuc],
    watchlist,
  });
  const worker = startAlertWorker(rt);
  const page = readFileSync(
    path.join(
      ROOT,
      'app/demo/sites/baotintuc.vn/the-gioi/han-quoc-va-my-to-chuc-doi-thoai-quoc-phong-tich-hop-kidd-lan-thu-16-20190927093045123.htm',
    ),
    'utf8',
  );
  const written = new Map<string, number>();
  const N = 200;
  for (let i = 0; i < N; i++) {
    const url = `https://baotintuc.vn/the-gioi/kidd-${i}-20190927093045123.htm`;
    const storyId = storyIdFor(url);
    await rt.redis.set(rt.keys.raw(storyId), gzipSync(page.replace('KIDD là cuộc họp', `KIDD (bản ${i}) là cuộc họp`)));
    // The alert is queued inside processArticle right after the file is renamed into place, so
    // the clock starts when the article job starts: an upper bound of "written → received".
    written.set(storyId, performance.now());
    await processArticle(
      {
        sourceId: 'baotintuc',
        url,
        canonicalUrl: url,
        storyId,
        rawKey: rt.keys.raw(storyId),
        fetchedAt: new Date().toISOString(),
        feedPublishedAt: null,
      },
      {
        redis: rt.redis,
        keys: rt.keys,
        outDir: rt.outDir,
        log: rt.log,
        sourceById: () => baotintuc,
        alerts: { matcher: rt.alerts.matcher, alertQueue: rt.queues.alert },
      },
    );
    await new Promise((r) => setTimeout(r, 20)); // articles arrive spread out, as from crawls
  }
  const end = Date.now() + 30_000;
  while (arrivals.size < N && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  const lat = [...written].filter(([id]) => arrivals.has(id)).map(([id, t]) => arrivals.get(id)! - t);
  await worker.close();
  await clearPrefix(rt.redis, prefix);
  await rt.close();
  await redis?.stop();
  server.close();
  return [
    `| stories | delivered | p50 (ms) | p95 (ms) | max (ms) |`,
    `|---:|---:|---:|---:|---:|`,
    `| ${N} | ${lat.length} | ${percentile(lat, 50).toFixed(1)} | ${percentile(lat, 95).toFixed(1)} | ${Math.max(...lat).toFixed(1)} |`,
  ];
}

const matching = benchMatching();
const latency = await benchLatency();
const report = [
  `## Alerts — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Command: \`npm run bench:alerts\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  '',
  'Matching cost per article (all rules compiled into one token trie; targets: 1,000 rules over a 2,000-word article ≤ 2 ms):',
  '',
  ...matching,
  '',
  'Alert latency, article job start (extract, write, queue) → webhook received on loopback, real Redis and BullMQ worker (target p95 ≤ 300 ms):',
  '',
  ...latency,
  '',
].join('\n');
process.stdout.write(`${report}\n`);
if (process.argv.includes('--write')) writeBenchmarkSection(report);
