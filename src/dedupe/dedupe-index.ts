// The story index in Redis: is this article's text already a story (exact or near copy)?
// Layout (prefix `<p>:dd:`): `b<band>:<bucket>` and `bx:<bucket>` HASHes field → story number,
// `ba:<bucket>` the anchors' shared buckets, `r:<number>` story records with the retention as
// TTL, `seq` the story counter, `meta:bits` the layout marker. The decision is same-story.ts's
// rule, run inside the claim script.
// Memory per story is measured by `npm run bench:dedupe` (BENCHMARKS.md).
import type { Redis } from 'ioredis';
import { IndexSettingsError } from '../../base/errors.js';
import { DEDUPE } from '../../config/dedupe.js';
import { scanKeys, unlinkMatching } from '../../base/redis/clear-prefix.js';
import type { Keys } from '../../base/redis/keys.js';
import { CLAIM_SCRIPT, type ClaimFn } from './claim-script.js';
import type { Fingerprint } from './fingerprint.js';
import { luaCommand } from '../../base/redis/lua-script.js';
import { ruleArgs, type RelationKind } from './same-story.js';

export interface StoryRef {
  storyId: string;
  outlet: string;
  url: string;
  /** Kept in the record so a follow-up's alert can name the story it follows (cut to 120 characters). */
  title?: string;
}

/** The indexed story a copy joined (or a new story relates to), with when it was written. */
export interface StoryOwner extends StoryRef {
  writtenAt: string | null;
}

/** The earlier story a new one follows up, continues (same series) or reports beside (same event). */
export interface RelatedStory {
  kind: RelationKind;
  story: StoryOwner;
  jaccard: number;
  containment: number;
}

export type DedupeVerdict =
  | { kind: 'new'; storyNumber: string; related: RelatedStory | null }
  | { kind: 'self'; storyNumber: string }
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
const LAYOUT_VERSION = 4;
export function layoutMarker(bucketBits: number): string {
  return `${LAYOUT_VERSION}:${bucketBits}:${DEDUPE.hashes}:${DEDUPE.bands}x${DEDUPE.rows}:a${DEDUPE.anchors}:${DEDUPE.shingleSize}:s${DEDUPE.shortTextShingles}:f${DEDUPE.factBloomBytes}:l${DEDUPE.longShingleSize}x${DEDUPE.longSampleKept}`;
}

function claimCommand(redis: Redis): ClaimFn {
  return luaCommand(redis, CLAIM_SCRIPT, { buffer: true });
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

export interface StoryRecord extends StoryOwner {
  shingles: number;
  numbers: string;
  sketch: Buffer;
  /** Lead facts and the Bloom filter of known facts (lead-facts.ts). */
  facts: { lead: string; known: Buffer; all: string };
  /** The long-shingle values kept (long-shingles.ts storedSample). */
  longSample: Buffer;
}

export function parseStoryRecord(rec: Buffer): StoryRecord {
  const sketchEnd = 8 + DEDUPE.hashes;
  const bloomEnd = sketchEnd + DEDUPE.factBloomBytes;
  const end = bloomEnd + 1 + 2 * (rec[bloomEnd] ?? 0);
  const [shingles, numbers, lead, written, title, outlet, ...url] = rec.subarray(end).toString('utf8').split('\t');
  const seconds = Number(written);
  return {
    storyId: rec.subarray(0, 8).toString('hex'),
    sketch: rec.subarray(8, sketchEnd),
    facts: { lead: lead ?? '', known: rec.subarray(sketchEnd, bloomEnd), all: '' },
    longSample: rec.subarray(bloomEnd + 1, end),
    shingles: Number(shingles),
    numbers: numbers ?? '',
    writtenAt: seconds > 0 ? new Date(seconds * 1000).toISOString() : null,
    title: title ?? '',
    outlet: outlet ?? '',
    url: url.join('\t'),
  };
}

function ownerOf(rec: Buffer): StoryOwner {
  const r = parseStoryRecord(rec);
  return { storyId: r.storyId, outlet: r.outlet, url: r.url, title: r.title, writtenAt: r.writtenAt };
}

const oneLine = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');

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
    `${Math.floor((opts.writtenAt ?? new Date()).getTime() / 1000)}\t${oneLine([...(me.title ?? '')].slice(0, 120).join(''))}\t${oneLine(me.outlet)}\t${me.url}`,
    fp.facts.lead,
    fp.facts.known,
    fp.facts.all,
    fp.leadPositions,
    fp.longSample,
    ...ruleArgs(),
    ...fieldsOf(fp),
  );
  const kind = res[0]!.toString() as DedupeVerdict['kind'] | 'layout-mismatch';
  if (kind === 'layout-mismatch') throw new IndexSettingsError(layoutMismatch(res[1]!.toString(), fp.bucketBits));
  const storyNumber = res[1]!.toString();
  if (kind === 'self') return { kind, storyNumber };
  if (kind === 'new') {
    if (res.length < 9) return { kind, storyNumber, related: null };
    const related: RelatedStory = {
      kind: res[5]!.toString() as RelationKind,
      story: ownerOf(res[6]!),
      jaccard: Number(res[7]!.toString()),
      containment: Number(res[8]!.toString()),
    };
    return { kind, storyNumber, related };
  }
  return {
    kind,
    storyNumber,
    owner: ownerOf(res[2]!),
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
      // A field names one or a few stories (claim-script.ts), comma-separated.
      const ownersOf = (i: number): string[] => flat[i + 1]!.toString().split(',');
      const nums = [...new Set(flat.flatMap((_, i) => (i % 2 === 0 ? ownersOf(i) : [])))];
      const pipe = redis.pipeline();
      for (const n of nums) pipe.exists(keys.dedupeRecordPrefix + n);
      const res = (await pipe.exec()) ?? [];
      const alive = new Set(nums.filter((_, i) => res[i]?.[1] === 1));
      const dead: Buffer[] = [];
      const fewer: Buffer[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        const owners = ownersOf(i);
        const live = owners.filter((n) => alive.has(n));
        if (live.length === 0) dead.push(flat[i]!);
        else if (live.length < owners.length) fewer.push(flat[i]!, Buffer.from(live.join(',')));
      }
      if (dead.length) removed += await redis.hdel(key, ...dead);
      if (fewer.length) await redis.hset(key, ...fewer);
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
