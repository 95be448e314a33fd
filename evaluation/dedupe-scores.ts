// Scores near-duplicate detection through the real index (claimStory on Redis) on generated
// pairs (republication-generator.ts):
//  - copies: every original is indexed first, then every copy; a copy must join its original's
//    story. Recall by edit kind and by the copy's true Jaccard / containment band.
//  - different stories: each pair in an index of its own (first a, then b); b must stay new.
// Every pair is also judged by compareFingerprints (what `tinwatch dedupe compare` prints), which
// must agree with the index.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { clearPrefix } from '../base/redis/clear-prefix.js';
import { createKeys, type Keys } from '../base/redis/keys.js';
import { bucketKeys, claimStory } from '../src/dedupe/dedupe-index.js';
import { fingerprint, type Fingerprint } from '../src/dedupe/fingerprint.js';
import { contentKeyTokens } from '../src/dedupe/content-hash.js';
import { shingleHashes } from '../src/dedupe/minhash.js';
import { compareFingerprints, type RelationKind } from '../src/dedupe/same-story.js';
import { stripTone } from '../src/text/vietnamese-fold.js';
import type { EvalArticle } from './own-eval-set.js';
import { generateFollowUps } from './follow-up-generator.js';
import { generateCopies, generateNegatives, joinedOriginals } from './republication-generator.js';
import { seededRandom } from './seeded-random.js';
import { generateSeries, seriesPairs } from './templated-series.js';

/** Two texts that must stay two stories (b claimed after a). */
export interface ApartPair {
  id: string;
  kind: string;
  a: EvalArticle;
  b: EvalArticle;
}

export interface PairResult {
  id: string;
  kind: string;
  /**
   * Copies of the articles as written ('short'), of joined articles ('long'), of the templated
   * columns ('series'), or a pair apart.
   */
  set: 'short' | 'long' | 'series' | 'pair' | 'real';
  jaccard: number;
  containment: number;
  /** Shingles of the smaller text. */
  smaller: number;
  merged: boolean;
  /** A copy merged into a story other than its original (a false merge). */
  wrongStory: boolean;
  /** For a false merge: the true Jaccard to the story it joined. */
  joinedJaccard?: number;
  /** compareFingerprints said the same as the index holding only this pair. */
  agrees: boolean;
  /** For a pair apart: how the index related b to a (null: unrelated, or merged). */
  related?: RelationKind | null;
}

export interface DedupeEval {
  copies: PairResult[];
  negatives: PairResult[];
  /** Originals merged into another original when indexed (each one a false merge). */
  originalMerges: { id: string; into: string }[];
  /** Worker-side cost per article: fingerprint, and the claim's round trip. */
  msPerFingerprint: number;
  msPerClaim: number;
}

const storyIdOf = (id: string): string => createHash('sha256').update(id).digest('hex').slice(0, 16);
/** A real corpus's documents carry their publication day (`day`), generated ones none. */
export const fp = (a: EvalArticle & { day?: string | null }): Fingerprint =>
  fingerprint(a.lead, a.paragraphs, undefined, a.title, a.day ?? null);

/** True Jaccard and containment of the exact shingle sets, as fingerprint() shingles them. */
export function trueSimilarity(
  a: EvalArticle,
  b: EvalArticle,
): { jaccard: number; containment: number; smaller: number } {
  const set = (x: EvalArticle) => new Set(shingleHashes(contentKeyTokens(x.lead, x.paragraphs).map(stripTone)));
  const sa = set(a);
  const sb = set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  const smaller = Math.min(sa.size, sb.size);
  return { jaccard: inter / (sa.size + sb.size - inter), containment: smaller ? inter / smaller : 0, smaller };
}

export async function evaluateDedupe(
  redis: Redis,
  prefix: string,
  originals: readonly EvalArticle[],
  seed = 1,
): Promise<DedupeEval> {
  const timing = { fpMs: 0, fps: 0, claimMs: 0, claims: 0 };
  const claim = async (k: Keys, f: Fingerprint, id: string) => {
    const t = process.hrtime.bigint();
    const v = await claimStory(redis, k, f, {
      storyId: storyIdOf(id),
      outlet: 'eval',
      url: `https://eval.invalid/${encodeURIComponent(id)}`,
    });
    timing.claimMs += Number(process.hrtime.bigint() - t) / 1e6;
    timing.claims++;
    return v;
  };
  const short = await copiesOf(redis, `${prefix}:short`, originals, 'short', seed, claim, timing);
  const long = await copiesOf(redis, `${prefix}:long`, joinedOriginals(originals), 'long', seed, claim, timing);
  const columns = generateSeries(seededRandom(seed + 7));
  const series = await copiesOf(redis, `${prefix}:series`, columns, 'series', seed, claim, timing);
  const negatives: PairResult[] = [];
  const apart = createKeys(`${prefix}:pair`);
  const pairs: ApartPair[] = [
    ...generateNegatives(originals, seed + 1),
    ...seriesPairs(columns),
    ...generateFollowUps(originals, seededRandom(seed + 11)).map((f) => ({ ...f, a: f.first, b: f.followUp })),
  ];
  for (const n of pairs) negatives.push(await judgeApart(redis, apart, n, claim));
  return {
    copies: [...short.copies, ...long.copies, ...series.copies],
    negatives,
    originalMerges: [...short.originalMerges, ...long.originalMerges, ...series.originalMerges],
    msPerFingerprint: timing.fpMs / timing.fps,
    msPerClaim: timing.claimMs / timing.claims,
  };
}

export type Claim = (k: Keys, f: Fingerprint, id: string) => Promise<Awaited<ReturnType<typeof claimStory>>>;

/** Every original indexed, then every generated copy claimed, in an index of their own. */
async function copiesOf(
  redis: Redis,
  prefix: string,
  originals: readonly EvalArticle[],
  set: 'short' | 'long' | 'series',
  seed: number,
  claim: Claim,
  timing: { fpMs: number; fps: number },
): Promise<Pick<DedupeEval, 'copies' | 'originalMerges'>> {
  const keys = createKeys(prefix);
  const pairKeys = createKeys(`${prefix}:pair`);
  const idOfStory = new Map<string, string>();
  const byId = new Map(originals.map((a) => [a.id, a]));
  const fps = new Map<string, Fingerprint>();
  const originalMerges: DedupeEval['originalMerges'] = [];
  try {
    for (const a of originals) {
      const f = fp(a);
      fps.set(a.id, f);
      idOfStory.set(storyIdOf(a.id), a.id);
      const v = await claim(keys, f, a.id);
      if (v.kind === 'exact' || v.kind === 'near')
        originalMerges.push({ id: a.id, into: idOfStory.get(v.owner.storyId) ?? '?' });
    }
    const copies: PairResult[] = [];
    const originOfCopy = new Map<string, string>();
    const textOfStory = new Map(originals.map((a) => [storyIdOf(a.id), a]));
    for (const c of generateCopies(originals, seed)) {
      const orig = byId.get(c.of)!;
      const t = process.hrtime.bigint();
      const f = fp(c.copy);
      timing.fpMs += Number(process.hrtime.bigint() - t) / 1e6;
      timing.fps++;
      const v = await claim(keys, f, c.id);
      const joined = v.kind === 'exact' || v.kind === 'near';
      const merged = joined && idOfStory.get(v.owner.storyId) === c.of;
      // A missed copy is a story of its own; a later copy of the same original that joins it is
      // with the right story (though not the original): a miss, not a false merge.
      if (v.kind === 'new') {
        originOfCopy.set(storyIdOf(c.id), c.of);
        textOfStory.set(storyIdOf(c.id), c.copy);
      }
      const sibling = joined && originOfCopy.get(v.owner.storyId) === c.of;
      const wrongStory = joined && !merged && !sibling;
      const said = compareFingerprints(f, fps.get(c.of)!).same;
      const alone = (await pairInIndex(redis, pairKeys, fps.get(c.of)!, f, claim, c.id)).merged;
      copies.push({
        id: c.id,
        kind: c.kind,
        set,
        ...trueSimilarity(orig, c.copy),
        merged,
        wrongStory,
        ...(wrongStory && joined
          ? { joinedJaccard: trueSimilarity(textOfStory.get(v.owner.storyId)!, c.copy).jaccard }
          : {}),
        agrees: said === alone,
      });
    }
    return { copies, originalMerges };
  } finally {
    await clearPrefix(redis, keys.prefix);
  }
}

/**
 * The index's verdict on one pair alone: a indexed, then b claimed, in an index of their own
 * (its keys deleted by name afterwards). What `dedupe compare` must agree with.
 */
export async function pairInIndex(
  redis: Redis,
  keys: Keys,
  fa: Fingerprint,
  fb: Fingerprint,
  claim: Claim,
  id: string,
): Promise<{ merged: boolean; related: RelationKind | null }> {
  try {
    await claim(keys, fa, `${id}:a`);
    const v = await claim(keys, fb, `${id}:b`);
    return {
      merged: v.kind === 'exact' || v.kind === 'near',
      related: v.kind === 'new' ? (v.related?.kind ?? null) : null,
    };
  } finally {
    const touched = new Set([...bucketKeys(keys, fa), ...bucketKeys(keys, fb)]);
    await redis.del(
      ...touched,
      `${keys.dedupeRecordPrefix}1`,
      `${keys.dedupeRecordPrefix}2`,
      keys.dedupeSeq,
      keys.dedupeBits,
    );
  }
}

/** A pair that must stay apart. */
async function judgeApart(redis: Redis, keys: Keys, n: ApartPair, claim: Claim): Promise<PairResult> {
  const [fa, fb] = [fp(n.a), fp(n.b)];
  const { merged, related } = await pairInIndex(redis, keys, fa, fb, claim, n.id);
  const said = compareFingerprints(fb, fa);
  const agrees = said.same === merged && (merged || said.related === related);
  const sim = trueSimilarity(n.a, n.b);
  return { id: n.id, kind: n.kind, set: 'pair', ...sim, merged, wrongStory: merged, agrees, related };
}
