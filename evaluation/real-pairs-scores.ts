// Scores the dedupe rule on real pairs (real-pair-labels.ts) through the real index: for each
// pair, the earlier text indexed alone, then the later one claimed (pairInIndex), as a crawl
// meets them. `dedupe compare` must agree with the index. Clusters are split in two halves by
// number (even: development, odd: held out), so a change tuned on one is checked on the other.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { claimStory } from '../src/dedupe/dedupe-index.js';
import { compareFingerprints } from '../src/dedupe/same-story.js';
import { clearPrefix } from '../base/redis/clear-prefix.js';
import { createKeys, type Keys } from '../base/redis/keys.js';
import type { Fingerprint } from '../src/dedupe/fingerprint.js';
import { fp, pairInIndex, trueSimilarity, type PairResult } from './dedupe-scores.js';
import type { LabelledPair, PairLabel } from './real-pair-labels.js';

export interface RealPairResult extends PairResult {
  label: PairLabel;
  half: 'dev' | 'held-out';
  sentenceCover: number;
}

const storyIdOf = (id: string): string => createHash('sha256').update(id).digest('hex').slice(0, 16);

export function halfOf(cluster: string): 'dev' | 'held-out' {
  const n = Number(/(\d+)/.exec(cluster)?.[1] ?? 0);
  return n % 2 === 0 ? 'dev' : 'held-out';
}

export async function scoreRealPairs(
  redis: Redis,
  prefix: string,
  pairs: readonly LabelledPair[],
): Promise<RealPairResult[]> {
  const keys = createKeys(`${prefix}:real`);
  const claim = (k: Keys, f: Fingerprint, id: string) =>
    claimStory(redis, k, f, {
      storyId: storyIdOf(id),
      outlet: 'eval',
      url: `https://eval.invalid/${encodeURIComponent(id)}`,
    });
  const prints = new Map<string, Fingerprint>();
  const printOf = (d: LabelledPair['a']): Fingerprint => {
    let f = prints.get(d.id);
    if (!f) prints.set(d.id, (f = fp(d)));
    return f;
  };
  const out: RealPairResult[] = [];
  try {
    for (const p of pairs) {
      const [fa, fb] = [printOf(p.a), printOf(p.b)];
      const { merged, related } = await pairInIndex(redis, keys, fa, fb, claim, p.id);
      const said = compareFingerprints(fb, fa);
      out.push({
        id: p.id,
        kind: p.kind,
        set: 'real',
        ...trueSimilarity(p.a, p.b),
        merged,
        wrongStory: merged && p.label === 'apart',
        agrees: said.same === merged,
        related,
        label: p.label,
        half: halfOf(p.a.cluster),
        sentenceCover: p.sentenceCover,
      });
    }
  } finally {
    await clearPrefix(redis, keys.prefix);
  }
  return out;
}
