// The story index in Redis: is this article's text already a story (exact or near copy)?
// Layout (prefix `<p>:dd:`): `b<band>:<bucket>` and `bx:<bucket>` HASHes field → story number,
// `r:<number>` story records with the retention as TTL, `seq` the story counter.
// Memory per story is measured by `npm run bench:dedupe` (BENCHMARKS.md).
import type { Redis } from 'ioredis';
import { DEDUPE } from '../../config/dedupe.js';
import { scanKeys, unlinkMatching } from '../redis/clear-prefix.js';
import type { Keys } from '../redis/keys.js';
import { CLAIM_SCRIPT } from './claim-script.js';
import type { Fingerprint } from './fingerprint.js';
import { scriptCommand } from '../redis/script-command.js';

export interface StoryRef {
  storyId: string;
  outlet: string;
  url: string;
}

export type DedupeVerdict =
  | { kind: 'new' | 'self'; storyNumber: string }
  | { kind: 'exact' | 'near'; storyNumber: string; owner: StoryRef; jaccard: number };

export interface DedupeOptions {
  retentionDays?: number;
  minJaccard?: number;
  minContainment?: number;
}

/** The index and the configuration disagree; nothing can be decided until an operator acts. */
export class IndexSettingsError extends Error {}

type ClaimFn = (...args: (string | Buffer | number)[]) => Promise<Buffer[]>;

function claimCommand(redis: Redis): ClaimFn {
  return scriptCommand<ClaimFn>(redis, 'tinwatchDedupeClaim', CLAIM_SCRIPT, { buffer: true });
}

export function bucketKeys(keys: Keys, fp: Fingerprint): string[] {
  return [keys.dedupeBucket('x', fp.exact.bucket), ...fp.bands.map((b, i) => keys.dedupeBucket(i, b.bucket))];
}

export function parseStoryRecord(rec: Buffer): StoryRef & { shingles: number; sketch: Buffer } {
  const [shingles, outlet, ...url] = rec.subarray(72).toString('utf8').split('\t');
  return {
    storyId: rec.subarray(0, 8).toString('hex'),
    sketch: rec.subarray(8, 72),
    shingles: Number(shingles),
    outlet: outlet ?? '',
    url: url.join('\t'),
  };
}

/**
 * Decides, atomically, whether this article is a new story or a copy of an indexed one, and
 * indexes it when new. A retry of the same article answers `self`.
 */
export async function claimStory(
  redis: Redis,
  keys: Keys,
  fp: Fingerprint,
  me: StoryRef,
  opts: DedupeOptions = {},
): Promise<DedupeVerdict> {
  if (!/^[0-9a-f]{16}$/.test(me.storyId)) throw new Error(`story id must be 16 hex digits: ${me.storyId}`);
  const bucketKeyList = bucketKeys(keys, fp);
  const ttl = Math.max(1, Math.round((opts.retentionDays ?? DEDUPE.retentionDays) * 86_400));
  const res = await claimCommand(redis)(
    bucketKeyList.length + 2,
    ...bucketKeyList,
    keys.dedupeSeq,
    keys.dedupeBits,
    fp.bucketBits,
    keys.dedupeRecordPrefix,
    Buffer.from(me.storyId, 'hex'),
    fp.sketch,
    fp.shingles,
    ttl,
    `${me.outlet.replaceAll('\t', ' ')}\t${me.url}`,
    opts.minJaccard ?? DEDUPE.minJaccard,
    opts.minContainment ?? DEDUPE.minContainment,
    DEDUPE.minShinglesForContainment,
    fp.exact.field,
    ...fp.bands.map((b) => b.field),
  );
  const kind = res[0]!.toString() as DedupeVerdict['kind'] | 'bits-mismatch';
  if (kind === 'bits-mismatch') {
    throw new IndexSettingsError(
      `the dedupe index was built with ${res[1]!.toString()} bucket bits but TINWATCH_DEDUPE_BUCKET_BITS is ${fp.bucketBits}: run \`tinwatch dedupe rebuild\` (or set it back), then \`tinwatch retry\``,
    );
  }
  const storyNumber = res[1]!.toString();
  if (kind === 'new' || kind === 'self') return { kind, storyNumber };
  const owner = parseStoryRecord(res[2]!);
  return {
    kind,
    storyNumber,
    owner: { storyId: owner.storyId, outlet: owner.outlet, url: owner.url },
    jaccard: Number(res[3]!.toString()),
  };
}

/**
 * Removes bucket fields whose story record has expired (past the retention). Lookups already
 * treat them as free; this gives the memory back. Runs daily from the scheduler.
 */
export async function pruneExpired(redis: Redis, keys: Keys): Promise<{ keys: number; removed: number }> {
  let scanned = 0;
  let removed = 0;
  for await (const batch of scanKeys(redis, keys.dedupeBucketPattern)) {
    for (const key of batch) {
      scanned++;
      // Flat [field, value, …] as Buffers: fields are binary and must come back byte for byte.
      const flat = (await redis.callBuffer('HGETALL', key)) as Buffer[];
      if (flat.length === 0) continue;
      const nums = [...new Set(flat.filter((_, i) => i % 2 === 1).map((v) => v.toString()))];
      const pipe = redis.pipeline();
      for (const n of nums) pipe.exists(keys.dedupeRecordPrefix + n);
      const res = (await pipe.exec()) ?? [];
      const alive = new Set(nums.filter((_, i) => res[i]?.[1] === 1));
      const dead: Buffer[] = [];
      for (let i = 0; i < flat.length; i += 2) if (!alive.has(flat[i + 1]!.toString())) dead.push(flat[i]!);
      if (dead.length) removed += await redis.hdel(key, ...dead);
    }
  }
  return { keys: scanned, removed };
}

/** Drops the whole index (before `dedupe rebuild`). */
export async function dropIndex(redis: Redis, keys: Keys): Promise<number> {
  return (
    (await redis.del(keys.dedupeBits)) +
    (await unlinkMatching(redis, keys.dedupeBucketPattern)) +
    (await unlinkMatching(redis, `${keys.dedupeRecordPrefix}*`))
  );
}
