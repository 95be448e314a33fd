// The story index in Redis: is this article's text already a story (exact or near copy)?
// Layout (prefix `<p>:dd:`): `b<band>:<bucket>` and `bx:<bucket>` HASHes field → story number,
// `ba:<bucket>` the anchors' shared buckets, `r:<number>` story records with the retention as
// TTL, `seq` the story counter, `meta:bits` the layout marker. The decision is same-story.ts's
// rule, run inside the claim script.
// Memory per story is measured by `npm run bench:dedupe` (BENCHMARKS.md).
import type { Redis } from 'ioredis';
import { IndexSettingsError } from '../errors.js';
import { DEDUPE } from '../../config/dedupe.js';
import { scanKeys, unlinkMatching } from '../redis/clear-prefix.js';
import type { Keys } from '../redis/keys.js';
import { CLAIM_SCRIPT } from './claim-script.js';
import type { Fingerprint } from './fingerprint.js';
import { scriptCommand } from '../redis/script-command.js';
import { ruleArgs } from './same-story.js';

export interface StoryRef {
  storyId: string;
  outlet: string;
  url: string;
}

/** The indexed story a copy joined, with when it was written. */
export interface StoryOwner extends StoryRef {
  writtenAt: string | null;
}

export type DedupeVerdict =
  | { kind: 'new' | 'self'; storyNumber: string }
  | { kind: 'exact' | 'near'; storyNumber: string; owner: StoryOwner; jaccard: number; containment: number };

export interface DedupeOptions {
  retentionDays?: number;
  /** When the story was written (default now): kept in its record for the copies that join it. */
  writtenAt?: Date;
}

/**
 * Everything that changes what a key or a sketch byte means. An index built under another
 * layout cannot be read: its sketches answer a different question.
 */
const LAYOUT_VERSION = 2;
export function layoutMarker(bucketBits: number): string {
  return `${LAYOUT_VERSION}:${bucketBits}:${DEDUPE.hashes}:${DEDUPE.bands}x${DEDUPE.rows}:a${DEDUPE.anchors}:${DEDUPE.shingleSize}:s${DEDUPE.shortTextShingles}`;
}

type ClaimFn = (...args: (string | Buffer | number)[]) => Promise<Buffer[]>;

function claimCommand(redis: Redis): ClaimFn {
  return scriptCommand<ClaimFn>(redis, 'tinwatchDedupeClaim', CLAIM_SCRIPT, { buffer: true });
}

/** The bucket keys one fingerprint touches, in the order of its fields (fieldsOf). */
export function bucketKeys(keys: Keys, fp: Fingerprint): string[] {
  return [
    keys.dedupeBucket('x', fp.exact.bucket),
    ...fp.bands.map((b, i) => keys.dedupeBucket(i, b.bucket)),
    ...fp.anchors.map((a) => keys.dedupeBucket('a', a.bucket)),
  ];
}

function fieldsOf(fp: Fingerprint): Buffer[] {
  return [fp.exact.field, ...fp.bands.map((b) => b.field), ...fp.anchors.map((a) => a.field)];
}

export function parseStoryRecord(rec: Buffer): StoryOwner & { shingles: number; numbers: string; sketch: Buffer } {
  const end = 8 + DEDUPE.hashes;
  const [shingles, numbers, written, outlet, ...url] = rec.subarray(end).toString('utf8').split('\t');
  const seconds = Number(written);
  return {
    storyId: rec.subarray(0, 8).toString('hex'),
    sketch: rec.subarray(8, end),
    shingles: Number(shingles),
    numbers: numbers ?? '',
    writtenAt: seconds > 0 ? new Date(seconds * 1000).toISOString() : null,
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
    layoutMarker(fp.bucketBits),
    keys.dedupeRecordPrefix,
    Buffer.from(me.storyId, 'hex'),
    fp.sketch,
    fp.shingles,
    fp.numbers,
    ttl,
    `${Math.floor((opts.writtenAt ?? new Date()).getTime() / 1000)}\t${me.outlet.replaceAll('\t', ' ')}\t${me.url}`,
    ...ruleArgs(),
    ...fieldsOf(fp),
  );
  const kind = res[0]!.toString() as DedupeVerdict['kind'] | 'layout-mismatch';
  if (kind === 'layout-mismatch') throw new IndexSettingsError(layoutMismatch(res[1]!.toString(), fp.bucketBits));
  const storyNumber = res[1]!.toString();
  if (kind === 'new' || kind === 'self') return { kind, storyNumber };
  const owner = parseStoryRecord(res[2]!);
  return {
    kind,
    storyNumber,
    owner: { storyId: owner.storyId, outlet: owner.outlet, url: owner.url, writtenAt: owner.writtenAt },
    jaccard: Number(res[3]!.toString()),
    containment: Number(res[4]!.toString()),
  };
}

function layoutMismatch(stored: string, bucketBits: number): string {
  const fix = 'run `tinwatch dedupe rebuild`, then `tinwatch retry`';
  const [version, bits] = stored.split(':');
  if (!bits) return `the dedupe index was built by an earlier tinwatch (layout 1, ${version} bucket bits): ${fix}`;
  if (Number(version) === LAYOUT_VERSION && Number(bits) !== bucketBits)
    return `the dedupe index was built with ${bits} bucket bits but TINWATCH_DEDUPE_BUCKET_BITS is ${bucketBits}: ${fix} (or set it back)`;
  return `the dedupe index was built with layout ${stored}, this tinwatch uses ${layoutMarker(bucketBits)}: ${fix}`;
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
