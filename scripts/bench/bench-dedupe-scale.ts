// npm run bench:dedupe:scale: lookup cost at 100 k against 1 M stories, and memory per story, on
// a shared machine. `bench:dedupe` fills its index through claimStory, one script per story: at
// 1 M on a loaded machine that takes hours. Here each index is written directly in the claim
// script's own layout (the same bucket HASHes, records and marker, pipelined), then both indexes
// are served at once by two private redis-servers, and lookups alternate between them (one on
// the small index, one on the large, …): whatever load the machine is under falls on both
// alike, so their ratio is the index's doing. Stops by itself: a fixed number of lookups, and a
// deadline (BENCH_MAX_MINUTES, default 45) past which it stops the servers and says so.
// BENCH_SCALE=100000,1000000 (default) sets the sizes; BENCH_LOOKUPS=4000 the lookups per index.
import { randomBytes, randomInt } from 'node:crypto';
import os from 'node:os';
import { Redis } from 'ioredis';
import { DEDUPE } from '../../config/dedupe.js';
import { claimStory, layoutMarker } from '../../src/dedupe/dedupe-index.js';
import type { Fingerprint } from '../../src/dedupe/fingerprint.js';
import { freePort, startRedisServer, type RedisServerProcess } from '../../base/redis/embedded-redis.js';
import { createKeys, type Keys } from '../../base/redis/keys.js';
import { percentile } from './percentile.js';

const SIZES = (process.env.BENCH_SCALE ?? '100000,1000000').split(',').map(Number);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 4000);
const DEADLINE = Date.now() + Number(process.env.BENCH_MAX_MINUTES ?? 45) * 60_000;
const BITS = DEDUPE.bucketBits;
const PREFIX = `bench-scale-${process.pid}`;
const TTL = DEDUPE.retentionDays * 86_400;

class OutOfTime extends Error {}

// Random bytes come from one pool refilled 1 MB at a time: a crypto call per field made the
// generator, not Redis, the cost of filling a million stories.
let pool = randomBytes(1 << 20);
let at = 0;
function bytes(n: number): Buffer {
  if (at + n > pool.length) {
    pool = randomBytes(1 << 20);
    at = 0;
  }
  at += n;
  return pool.subarray(at - n, at);
}
const hex8 = (): string => bytes(4).toString('hex');
const bucketOf = (bits: number): number => bytes(4).readUInt32BE() >>> (32 - bits);

/** A long article's long-shingle sample: `n` ascending 16-bit values (long-shingles.ts). */
function sortedValues(n: number): Buffer {
  const v = Array.from({ length: n }, () => bytes(2).readUInt16BE()).sort((x, y) => x - y);
  const b = Buffer.alloc(2 * n);
  v.forEach((x, i) => b.writeUInt16BE(x, 2 * i));
  return b;
}

function synthetic(): Fingerprint {
  const key = (bits: number) => ({ bucket: bucketOf(bits), field: Buffer.from(bytes(2)) });
  const bloom = Buffer.from(bytes(DEDUPE.factBloomBytes));
  const mask = bytes(DEDUPE.factBloomBytes);
  for (let i = 0; i < bloom.length; i++) bloom[i]! &= mask[i]!; // about a quarter of the bits set
  return {
    contentHash: hex8() + hex8(),
    shingles: 300 + randomInt(400),
    numbers: '',
    sketch: Buffer.from(bytes(DEDUPE.hashes)),
    // A lead's dozen facts, a Bloom filter partly full: a long article's.
    longSample: sortedValues(DEDUPE.longSampleSent),
    facts: {
      lead: Array.from({ length: 12 }, (_, i) => (i < 2 ? 't' : i < 6 ? 'n' : 'p') + hex8()).join(''),
      known: bloom,
      all: Array.from({ length: 40 }, (_, i) => (i < 20 ? 'n' : 'p') + hex8()).join(''),
    },
    // A lead a tenth of the text: about a tenth of the hash functions have their minimum in it.
    leadPositions: Buffer.from(Array.from({ length: DEDUPE.hashes }, (_, i) => (i % 10 === 0 ? 1 : 0))),
    exact: { bucket: bucketOf(BITS), field: Buffer.from(bytes(5)) },
    bands: Array.from({ length: DEDUPE.bands }, () => key(BITS)),
    anchors: Array.from({ length: DEDUPE.anchors }, () => key(BITS + DEDUPE.anchorExtraBits)),
    bucketBits: BITS,
  };
}

const story = (n: number) => ({
  storyId: n.toString(16).padStart(16, '0'),
  outlet: 'VnExpress',
  url: `https://vnexpress.net/han-quoc-va-my-tap-tran-chung-quy-mo-lon-o-ban-dao-trieu-tien-${5_000_000 + n}.html`,
  title: `Hàn Quốc và Mỹ tập trận chung quy mô lớn trên bán đảo Triều Tiên, lần thứ ${n}`,
});

// The index written directly, in the claim script's layout: each story's record (id, sketch,
// Bloom filter, long-shingle values, shingles, numbers, lead facts, written-at, title, outlet, URL; the retention as
// TTL), a thousand per script, and each bucket HASH in one HSET holding the fields the stories
// drawn into it would have left there (exact: one field a story over 2^bits buckets; each band the
// same; anchors: 32 a story over 2^(bits + anchorExtraBits)), each field → a story's number.
// Written story by story (fifty commands each) a million stories took over an hour on the shared
// machine; this way a few minutes, and a lookup meets the same bucket sizes and records.
const RECORDS_SCRIPT = `
local prefix, num, ttl, blob = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local at = 1
while at <= #blob do
  local a, b = string.byte(blob, at, at + 1)
  local len = a * 256 + b
  redis.call('SET', prefix .. num, string.sub(blob, at + 2, at + 1 + len), 'EX', ttl)
  at = at + 2 + len
  num = num + 1
end
return num
`;

function record(num: number, written: number): Buffer {
  const s = story(num);
  const lead = Array.from({ length: 12 }, (_, i) => (i < 2 ? 't' : i < 6 ? 'n' : 'p') + hex8()).join('');
  const tail = `${300 + randomInt(400)}\t\t${lead}\t${written}\t${s.title}\t${s.outlet}\t${s.url}`;
  const rec = Buffer.concat([
    Buffer.from(s.storyId, 'hex'),
    bytes(DEDUPE.hashes),
    bytes(DEDUPE.factBloomBytes),
    Buffer.from([DEDUPE.longSampleKept]),
    sortedValues(DEDUPE.longSampleKept),
    Buffer.from(tail),
  ]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(rec.length);
  return Buffer.concat([len, rec]);
}

/** Each bucket key of one family, with its share of `fields` entries: one HSET each, pipelined. */
async function fillBuckets(
  redis: Redis,
  keyOf: (bucket: number) => string,
  buckets: number,
  fields: number,
  fieldBytes: number,
  size: number,
): Promise<void> {
  let p = redis.pipeline();
  let left = fields;
  for (let b = 0; b < buckets; b++) {
    const n = Math.round(left / (buckets - b));
    left -= n;
    const args: (Buffer | string)[] = [];
    for (let i = 0; i < n; i++) args.push(bytes(fieldBytes), String(1 + Math.floor(Math.random() * size)));
    if (args.length) p.hset(keyOf(b), ...args);
    if (p.length >= 200) {
      if (Date.now() > DEADLINE) throw new OutOfTime(`filling ${size.toLocaleString('en')} stories: buckets`);
      await p.exec();
      p = redis.pipeline();
    }
  }
  await p.exec();
}

/** Writes stories 1..size as the claim script would have (records, then every bucket). */
async function fill(redis: Redis, keys: Keys, size: number): Promise<number> {
  const t0 = Date.now();
  const written = Math.floor(Date.now() / 1000);
  for (let from = 1; from <= size; from += 1000) {
    if (Date.now() > DEADLINE) throw new OutOfTime(`filling ${size.toLocaleString('en')} stories: ${from - 1} records`);
    const blob = Buffer.concat(
      Array.from({ length: Math.min(1000, size - from + 1) }, (_, i) => record(from + i, written)),
    );
    await redis.eval(RECORDS_SCRIPT, 0, keys.dedupeRecordPrefix, from, TTL, blob);
  }
  const bandBuckets = 1 << BITS;
  await fillBuckets(redis, (b) => keys.dedupeBucket('x', b), bandBuckets, size, 5, size);
  for (let band = 0; band < DEDUPE.bands; band++)
    await fillBuckets(redis, (b) => keys.dedupeBucket(band, b), bandBuckets, size, 2, size);
  const anchorBuckets = 1 << (BITS + DEDUPE.anchorExtraBits);
  await fillBuckets(redis, (b) => keys.dedupeBucket('a', b), anchorBuckets, size * DEDUPE.anchors, 2, size);
  await redis.set(keys.dedupeSeq, size);
  await redis.set(keys.dedupeBits, layoutMarker(BITS));
  return (Date.now() - t0) / 1000;
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
}

interface Index {
  size: number;
  server: RedisServerProcess;
  redis: Redis;
  fillSecs: number;
  totalPer: number;
  recordBytes: number;
  times: number[];
}

async function openIndex(size: number, servers: RedisServerProcess[]): Promise<Index> {
  const server = await startRedisServer({ port: await freePort(), dir: null });
  servers.push(server);
  const redis = new Redis(server.url);
  clients.push(redis);
  const keys = createKeys(PREFIX);
  const base = await usedMemory(redis);
  const fillSecs = await fill(redis, keys, size);
  const totalPer = ((await usedMemory(redis)) - base) / size;
  // A record's own cost, sampled (MEMORY USAGE counts the key, the value and the allocator's class).
  let recordSum = 0;
  for (let i = 0; i < 2000; i++)
    recordSum += Number(await redis.memory('USAGE', `${keys.dedupeRecordPrefix}${1 + randomInt(size)}`));
  process.stderr.write(`${size} stories written in ${fillSecs.toFixed(0)} s, ${totalPer.toFixed(0)} bytes/story\n`);
  return { size, server, redis, fillSecs, totalPer, recordBytes: recordSum / 2000, times: [] };
}

async function lookupOnce(ix: Index, n: number): Promise<void> {
  const fp = synthetic();
  const t = process.hrtime.bigint();
  await claimStory(ix.redis, createKeys(PREFIX), fp, story(ix.size + 1 + n));
  ix.times.push(Number(process.hrtime.bigint() - t) / 1e6);
}

const servers: RedisServerProcess[] = [];
const clients: Redis[] = [];
const stopAll = async (): Promise<void> => {
  for (const c of clients.splice(0)) c.disconnect();
  await Promise.all(servers.splice(0).map((s) => s.stop().catch(() => undefined)));
};
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.once(sig, () => {
    void stopAll().then(() => process.exit(130));
  });

const indexes: Index[] = [];
try {
  for (const size of SIZES) indexes.push(await openIndex(size, servers));
  for (let i = 0; i < LOOKUPS; i++) {
    if (Date.now() > DEADLINE) throw new OutOfTime(`lookups: ${i} of ${LOOKUPS} per index done`);
    for (const ix of i % 2 === 0 ? indexes : [...indexes].reverse()) await lookupOnce(ix, i);
  }
  const f = (x: number): string => x.toFixed(3);
  const small = indexes[0]!;
  const lines = [
    `Command: \`npm run bench:dedupe:scale\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} at the end · ${LOOKUPS} lookups per index, alternating between the indexes`,
    '',
    '| stories | written in (s) | lookup median (ms) | lookup p95 (ms) | median / smallest | p95 / smallest | bytes per story (Redis used_memory) | of which the record |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...indexes.map(
      (ix) =>
        `| ${ix.size.toLocaleString('en')} | ${ix.fillSecs.toFixed(0)} | ${f(percentile(ix.times, 50))} | ${f(percentile(ix.times, 95))} | ${(percentile(ix.times, 50) / percentile(small.times, 50)).toFixed(2)} | ${(percentile(ix.times, 95) / percentile(small.times, 95)).toFixed(2)} | ${ix.totalPer.toFixed(0)} | ${ix.recordBytes.toFixed(0)} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (err) {
  if (!(err instanceof OutOfTime)) throw err;
  process.stdout.write(`stopped at the deadline (BENCH_MAX_MINUTES): ${err.message}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
