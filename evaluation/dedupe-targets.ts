// The dedupe eval's targets, checked the same way by `npm run eval:dedupe` and its test.
import { byBand } from './dedupe-report-rows.js';
import type { DedupeEval } from './dedupe-scores.js';

export const REQUIRED_MERGE_RATE = 0.97;
export const APART_MAX_JACCARD = 0.2;

/** What is wrong with this eval run, in words; empty when every target is met. */
export function checkDedupeTargets(r: DedupeEval): string[] {
  const out: string[] = [];
  for (const b of byBand(r.copies))
    if (b.required && b.rate < REQUIRED_MERGE_RATE)
      out.push(`${b.label}: ${(b.rate * 100).toFixed(1)} % merged (< ${REQUIRED_MERGE_RATE * 100} %)`);
  const falseMerges = r.negatives.filter((n) => n.merged && n.jaccard <= APART_MAX_JACCARD);
  if (falseMerges.length)
    out.push(`${falseMerges.length} different stories merged: ${falseMerges.map((n) => n.id).join(', ')}`);
  const wrong = r.copies.filter((c) => c.wrongStory && (c.joinedJaccard ?? 0) <= APART_MAX_JACCARD);
  if (wrong.length) out.push(`${wrong.length} copies joined a story they share Jaccard ≤ ${APART_MAX_JACCARD} with`);
  if (r.originalMerges.length) out.push(`${r.originalMerges.length} originals merged into one another`);
  const disagree = [...r.copies, ...r.negatives].filter((x) => !x.agrees);
  if (disagree.length) out.push(`dedupe compare disagrees with the index on ${disagree.map((x) => x.id).join(', ')}`);
  return out;
}
