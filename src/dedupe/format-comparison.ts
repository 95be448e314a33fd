// `tinwatch dedupe compare` in words: each number beside the threshold it is held to, and which
// part of the rule decided. The second text is judged as a new article against the first.
import { DEDUPE } from '../../config/dedupe.js';
import type { Fingerprint } from './fingerprint.js';
import type { PairVerdict } from './same-story.js';

export function formatComparison(v: PairVerdict, a: Fingerprint, b: Fingerprint): string {
  const short = Math.max(a.shingles, b.shingles) < DEDUPE.shortTextShingles;
  const lines = [
    `exact: ${v.basis === 'exact'}`,
    `shingles: ${a.shingles} and ${b.shingles}${short ? ` (both under ${DEDUPE.shortTextShingles}: short texts, different stories when each has a number the other lacks)` : ''}`,
    `jaccard≈ ${v.jaccard.toFixed(2)} (same story at ≥ ${DEDUPE.minJaccard})`,
    `containment≈ ${v.containment.toFixed(2)} (same story at ≥ ${DEDUPE.minContainment} when the smaller text has ≥ ${DEDUPE.minShinglesForContainment} shingles)`,
    `keys in common: ${v.sharedBands} of ${DEDUPE.bands} bands, ${v.sharedAnchors} of ${DEDUPE.anchors} anchors (the index compares only texts that share one)`,
    ...(v.newFacts
      ? [
          `new facts in the second text's title and lead: ${v.newFacts.numbers} numbers, ${v.newFacts.names} names (another story at ≥ ${DEDUPE.minNewNumbers} number or ≥ ${DEDUPE.minNewNames} names)`,
          `second text's lead inside the first≈ ${v.leadShare.toFixed(2)} (a lead adding only names is a restated copy at ≥ ${DEDUPE.copyMinLeadRestated})`,
        ]
      : []),
    `verdict: ${v.same ? 'same story' : 'different stories'} (${v.basis})${v.related ? `, related: ${v.related}` : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}
