// Scores near-duplicate detection on the eval set through the real index (claimStory on Redis):
// every original is indexed first (different write-ups of one event must stay separate stories),
// then every republished copy (each must join its original's story).
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { claimStory } from '../../src/dedupe/dedupe-index.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { contentKeyTokens } from '../../src/dedupe/content-hash.js';
import { shingleHashes } from '../../src/dedupe/minhash.js';
import type { Keys } from '../../src/redis/keys.js';
import { applyWireEdits, type EvalArticle, type NearDuplicate } from './eval-set.js';
import { metrics, type Metrics } from './relevance-eval.js';

export interface DedupeEval {
  pairs: Metrics;
  /** Originals merged into another original (false merges; hard negatives are the same-event ones). */
  falseMerges: { id: string; into: string; similarity: number; sameEvent: boolean }[];
  missed: { id: string; of: string; jaccard: number }[];
  /** True Jaccard (exact shingle sets) of the copies and of the same-event write-ups. */
  copyJaccard: { min: number; median: number };
  hardNegativeJaccard: { max: number; median: number; pairs: number };
  copies: number;
  originals: number;
}

function storyIdOf(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}

function exactJaccard(a: EvalArticle, b: EvalArticle): number {
  // The shingles exactly as fingerprint() takes them: from the content key's tokens.
  const sa = new Set(shingleHashes(contentKeyTokens(a.lead, a.paragraphs)));
  const sb = new Set(shingleHashes(contentKeyTokens(b.lead, b.paragraphs)));
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

export async function evaluateDedupe(
  redis: Redis,
  keys: Keys,
  articles: readonly EvalArticle[],
  nearDups: readonly NearDuplicate[],
): Promise<DedupeEval> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const idOfStory = new Map<string, string>();
  const falseMerges: DedupeEval['falseMerges'] = [];
  for (const a of articles) {
    const storyId = storyIdOf(a.id);
    idOfStory.set(storyId, a.id);
    const v = await claimStory(redis, keys, fingerprint(a.lead, a.paragraphs), {
      storyId,
      outlet: 'eval',
      url: `https://eval.invalid/${a.id}`,
    });
    if (v.kind === 'exact' || v.kind === 'near') {
      const into = idOfStory.get(v.owner.storyId) ?? v.owner.storyId;
      falseMerges.push({
        id: a.id,
        into,
        similarity: v.jaccard,
        sameEvent: !!a.event && byId.get(into)?.event === a.event,
      });
    }
  }
  let tp = 0;
  let fp = falseMerges.length;
  let fn = 0;
  const missed: DedupeEval['missed'] = [];
  const copyJ: number[] = [];
  for (const d of nearDups) {
    const orig = byId.get(d.of);
    if (!orig) throw new Error(`near-duplicate ${d.id} refers to unknown article ${d.of}`);
    const copy = applyWireEdits(orig, d.edits);
    const j = exactJaccard(orig, copy);
    copyJ.push(j);
    const v = await claimStory(redis, keys, fingerprint(copy.lead, copy.paragraphs), {
      storyId: storyIdOf(d.id),
      outlet: 'eval',
      url: `https://eval.invalid/${d.id}`,
    });
    if ((v.kind === 'exact' || v.kind === 'near') && idOfStory.get(v.owner.storyId) === d.of) tp++;
    else {
      fn++;
      missed.push({ id: d.id, of: d.of, jaccard: j });
      if (v.kind === 'exact' || v.kind === 'near') fp++; // merged, but into the wrong story
    }
  }
  const hard: number[] = [];
  for (let i = 0; i < articles.length; i++)
    for (let k = i + 1; k < articles.length; k++)
      if (articles[i]!.event && articles[i]!.event === articles[k]!.event)
        hard.push(exactJaccard(articles[i]!, articles[k]!));
  return {
    pairs: metrics(tp, fp, fn),
    falseMerges,
    missed,
    copyJaccard: { min: Math.min(...copyJ), median: median(copyJ) },
    hardNegativeJaccard: { max: Math.max(0, ...hard), median: median(hard), pairs: hard.length },
    copies: nearDups.length,
    originals: articles.length,
  };
}
