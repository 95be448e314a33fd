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
    facts: {
      lead: Array.from({ length: 12 }, (_, i) => (i < 2 ? 't' : i < 6 ? 'n' : 'p') + hex8()).join(''),
      known: bloom,
      all: Array.from({ length: 40 }, (_, i) => (i < 20 ? 'n' : 'p') + hex8()).join(''),
    },
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

// Stories written inside Redis, a thousand per script, in the claim script's layout: the record
// (id, sketch, Bloom filter, shingles, numbers, lead facts, written-at, title, outlet, URL, with the
// retention as TTL) and each of its fields → its number. From Node, fifty commands a story cost
// more in the client than in Redis.
const FILL_SCRIPT = `
math.randomseed(tonumber(ARGV[1]))
local prefix, from, to = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local bits, anchorBits, bands, anchors = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local hashes, bloomBytes, ttl, tail = tonumber(ARGV[9]), tonumber(ARGV[10]), ARGV[11], ARGV[12]
local function rnd(n)
  local t = {}
  for i = 1, n do t[i] = math.random(0, 255) end
  return string.char(unpack(t))
end
local function bloom(n)
  local t = {}
  for i = 1, n do t[i] = bit.band(math.random(0, 255), math.random(0, 255)) end
  return string.char(unpack(t))
end
local function hex8() return string.format('%08x', math.random(0, 2147483646)) end
for num = from, to do
  local id = string.char(0, 0, 0, 0, math.floor(num / 16777216) % 256, math.floor(num / 65536) % 256, math.floor(num / 256) % 256, num % 256)
  local lead = {}
  for i = 1, 12 do lead[i] = (i <= 2 and 't' or (i <= 6 and 'n' or 'p')) .. hex8() end
  local rec = id .. rnd(hashes) .. bloom(bloomBytes) .. tostring(300 + math.random(0, 399)) .. '\t\t' .. table.concat(lead) .. '\t' .. string.format(tail, num, num)
  redis.call('SET', prefix .. 'r:' .. num, rec, 'EX', ttl)
  local n = tostring(num)
  redis.call('HSET', prefix .. 'bx:' .. string.format('%x', math.random(0, 2 ^ bits - 1)), rnd(5), n)
  for b = 0, bands - 1 do
    redis.call('HSET', prefix .. 'b' .. b .. ':' .. string.format('%x', math.random(0, 2 ^ bits - 1)), rnd(2), n)
  end
  for a = 1, anchors do
    redis.call('HSET', prefix .. 'ba:' .. string.format('%x', math.random(0, 2 ^ anchorBits - 1)), rnd(2), n)
  end
end
return to
`;

/** Writes stories 1..size as the claim script would have (record, then each field → number). */
async function fill(redis: Redis, keys: Keys, size: number): Promise<number> {
  const t0 = Date.now();
  const written = Math.floor(Date.now() / 1000);
  const s = story(0);
  // The record's text part; %d is the story's number in the title and the URL.
  const tail = `${written}\t${s.title.replace(/\d+$/, '%d')}\t${s.outlet}\t${s.url.replace(/\d+\.html$/, '%d.html')}`;
  const prefix = keys.dedupeRecordPrefix.slice(0, -'r:'.length);
  for (let from = 1; from <= size; from += 1000) {
    if (Date.now() > DEADLINE) throw new OutOfTime(`filling ${size.toLocaleString('en')} stories: ${from - 1} written`);
    const to = Math.min(size, from + 999);
    const args = [
      randomInt(1 << 30),
      prefix,
      from,
      to,
      BITS,
      BITS + DEDUPE.anchorExtraBits,
      DEDUPE.bands,
      DEDUPE.anchors,
    ];
    await redis.eval(FILL_SCRIPT, 0, ...args, DEDUPE.hashes, DEDUPE.factBloomBytes, TTL, tail);
  }
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
const stopAll = async (): Promise<void> => {
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
  for (const ix of indexes) ix.redis.disconnect();
  await stopAll();
}
