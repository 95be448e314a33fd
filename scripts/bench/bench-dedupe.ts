// npm run bench:dedupe [-- --write]: the dedupe index at archive scale. Inserts synthetic
// fingerprints (random sketches and band keys, realistic URLs) into a private redis-server
// configured like docker-compose.yml, and measures at 100 k and 1 M stories:
//   - per-article lookup time (claimStory: the whole decision, one round trip), median and p95;
//   - Redis memory per story: total, and the index alone (buckets) without the story records.
// Target: lookup at 1 M within 1.5 × of 100 k; memory per story reported.
// BENCH_CASES=100000:12,1000000:14 overrides the runs (stories:bucket bits).
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { DEDUPE } from '../../config/dedupe.js';
import { claimStory } from '../../src/dedupe/dedupe-index.js';
import type { Fingerprint } from '../../src/dedupe/fingerprint.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { freePort, startRedisServer } from '../../base/redis/embedded-redis.js';
import { unlinkMatching } from '../../base/redis/clear-prefix.js';
import { createKeys } from '../../base/redis/keys.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// size:bucketBits per run; each on a fresh redis-server.
const CASES = (process.env.BENCH_CASES ?? '100000:12,1000000:12,1000000:13,1000000:14').split(',').map((c) => {
  const [size, bits] = c.split(':').map(Number);
  return { size: size!, bits: bits ?? DEDUPE.bucketBits };
});
const LOOKUPS = 3000;

function syntheticFingerprint(bits: number): Fingerprint {
  const key = (keyBits: number) => ({
    bucket: randomBytes(4).readUInt32BE() >>> (32 - keyBits),
    field: randomBytes(2),
  });
  return {
    contentHash: randomBytes(8).toString('hex'),
    shingles: 300 + randomInt(400),
    numbers: '',
    sketch: randomBytes(DEDUPE.hashes),
    // A long article's long-shingle sample: ascending 16-bit values (long-shingles.ts).
    longSample: Buffer.from(
      new Uint16Array(Array.from({ length: DEDUPE.longSampleSent }, () => randomInt(65536)).sort((x, y) => x - y))
        .buffer,
    ).swap16(),
    // A lead's dozen facts and a Bloom filter about a third full, as a long article fills it.
    facts: {
      lead: Array.from(
        { length: 12 },
        (_, i) => (i < 2 ? 't' : i < 6 ? 'n' : 'p') + randomBytes(4).toString('hex'),
      ).join(''),
      known: Buffer.from(Array.from({ length: DEDUPE.factBloomBytes }, () => randomInt(256) & randomInt(256))),
      all: Array.from({ length: 40 }, (_, i) => (i < 20 ? 'n' : 'p') + randomBytes(4).toString('hex')).join(''),
    },
    // A lead a tenth of the text: about a tenth of the hash functions have their minimum in it.
    leadPositions: Buffer.from(Array.from({ length: DEDUPE.hashes }, (_, i) => (i % 10 === 0 ? 1 : 0))),
    exact: { bucket: randomBytes(4).readUInt32BE() >>> (32 - bits), field: randomBytes(5) },
    bands: Array.from({ length: DEDUPE.bands }, () => key(bits)),
    anchors: Array.from({ length: DEDUPE.anchors }, () => key(bits + DEDUPE.anchorExtraBits)),
    bucketBits: bits,
  };
}

const url = (n: number): string =>
  `https://vnexpress.net/han-quoc-va-my-tap-tran-chung-quy-mo-lon-o-ban-dao-trieu-tien-${5_000_000 + n}.html`;
const story = (n: number) => ({
  storyId: n.toString(16).padStart(16, '0'),
  outlet: 'VnExpress',
  url: url(n),
  title: `Hàn Quốc và Mỹ tập trận chung quy mô lớn trên bán đảo Triều Tiên, lần thứ ${n}`,
});

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

interface CaseResult {
  size: number;
  bits: number;
  insertSecs: number;
  p50: number;
  p95: number;
  totalPer: number;
  indexPer: number;
  recordsPer: number;
  bucketKeys: number;
  encodings: string;
  version: string;
}

/** One index size on a fresh private redis-server: insert, time lookups, weigh the memory. */
async function runCase(size: number, bits: number): Promise<CaseResult> {
  const server = await startRedisServer({ port: await freePort(), dir: null });
  const redis = new Redis(server.url);
  const keys = createKeys('bench');
  try {
    const base = await usedMemory(redis);
    const t0 = Date.now();
    for (let inserted = 0; inserted < size;) {
      const batch = Math.min(2000, size - inserted);
      await Promise.all(
        Array.from({ length: batch }, (_, i) =>
          claimStory(redis, keys, syntheticFingerprint(bits), story(inserted + i)),
        ),
      );
      inserted += batch;
    }
    const insertSecs = (Date.now() - t0) / 1000;
    // Lookups one at a time (latency, not throughput): a fresh story, as the article worker sees it.
    const times: number[] = [];
    for (let i = 0; i < LOOKUPS; i++) {
      const fp = syntheticFingerprint(bits);
      const t = process.hrtime.bigint();
      await claimStory(redis, keys, fp, story(size + i));
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const stories = size + LOOKUPS;
    const total = (await usedMemory(redis)) - base;
    const bucketKeys = (await redis.dbsize()) - stories - 2; // the rest are story records, counter, bits
    const encodings = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      // Band buckets and anchor buckets alike.
      const k =
        i % 2 === 0
          ? keys.dedupeBucket(i % DEDUPE.bands, (i * 37) % (1 << bits))
          : keys.dedupeBucket('a', (i * 7919) % (1 << (bits + DEDUPE.anchorExtraBits)));
      const e = (await redis.object('ENCODING', k)) as string | null;
      if (e) encodings.set(e, (encodings.get(e) ?? 0) + 1);
    }
    // The index alone: drop the story records (their memory is URL + sketch + key overhead).
    await unlinkMatching(redis, `${keys.dedupeRecordPrefix}*`);
    await new Promise((r) => setTimeout(r, 2000)); // lazy free
    const indexOnly = (await usedMemory(redis)) - base;
    const version = (await redis.info('server')).match(/redis_version:(\S+)/)?.[1] ?? '?';
    const r: CaseResult = {
      size,
      bits,
      insertSecs,
      p50: pct(times, 0.5),
      p95: pct(times, 0.95),
      totalPer: total / stories,
      indexPer: indexOnly / stories,
      recordsPer: (total - indexOnly) / stories,
      bucketKeys,
      encodings: [...encodings.entries()].map(([e, n]) => `${e} ${n}`).join(', '),
      version,
    };
    process.stderr.write(`${JSON.stringify(r)}\n`);
    return r;
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

// What one real article costs before Redis: the fingerprint of a long text.
const text = readFileSync(path.join(ROOT, 'evaluation/own-set/articles.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('P: '));
const body = text.slice(0, 60).map((l) => l.slice(3));
const fpTimes: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = process.hrtime.bigint();
  fingerprint(null, body);
  fpTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const words = body.join(' ').split(/\s+/).length;

const results: CaseResult[] = [];
for (const c of CASES) results.push(await runCase(c.size, c.bits));
const f0 = (x: number): string => x.toFixed(0);
const report = [
  `## Dedupe index at scale — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Command: \`npm run bench:dedupe\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, redis-server ${results[0]?.version} (private, hash-max-listpack-entries 512 as in docker-compose.yml) · MinHash ${DEDUPE.hashes} hashes, LSH ${DEDUPE.bands}×${DEDUPE.rows} + ${DEDUPE.anchors} anchors`,
  '',
  `Synthetic fingerprints (random sketches and band keys, realistic URLs). Each lookup is one script touching the exact bucket, ${DEDUPE.bands} band buckets, ${DEDUPE.anchors} anchor buckets, the layout marker, the records of any candidates and, for a new story, the counter: the same keys at any index size. Lookup = \`claimStory\` one at a time (${LOOKUPS} fresh stories), round trip included. Index = the bucket HASHes; records = per-story sketch (${DEDUPE.hashes} bytes), known-facts Bloom filter (${DEDUPE.factBloomBytes} bytes), a dozen lead facts, shingle count, time, title, outlet and URL (TTL = retention). Fingerprinting a ${words}-word article, worker side: median ${pct(fpTimes, 0.5).toFixed(2)} ms, p95 ${pct(fpTimes, 0.95).toFixed(2)} ms.`,
  '',
  '| stories | bucket bits (keys) | insert (s) | lookup median (ms) | lookup p95 (ms) | index bytes/story | records bytes/story | total bytes/story | bucket encodings (sample) |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ...results.map(
    (r) =>
      `| ${r.size.toLocaleString('en')} | ${r.bits} (${r.bucketKeys.toLocaleString('en')}) | ${r.insertSecs.toFixed(1)} | ${r.p50.toFixed(3)} | ${r.p95.toFixed(3)} | ${f0(r.indexPer)} | ${f0(r.recordsPer)} | ${f0(r.totalPer)} | ${r.encodings} |`,
  ),
  '',
].join('\n');
process.stdout.write(`${report}\n`);
if (process.argv.includes('--write')) writeBenchmarkSection(report);
