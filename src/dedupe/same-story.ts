// The one rule that says "same story". Everything that decides it goes through here: the index's
// atomic claim (as the Lua function below, run inside the claim script), `dedupe compare`,
// `dedupe rebuild` (through the claim) and the evals. test/e2e/same-story-lua.test.ts runs the
// Lua function on Redis against judgeSimilarity on generated cases so the two cannot drift.
//
// Inputs are what the index keeps per story: the one-byte MinHash sketch, the shingle count,
// the long-shingle sample (step 3b) and, for a short text, the numbers it carries (16-bit hashes
// as 4-hex-digit chunks).
//  1. Jaccard is estimated from the share of equal sketch bytes, corrected for the 1/256 chance
//     that two different minima share their low byte.
//  2. Containment (share of the smaller text inside the larger) follows from Jaccard and both
//     sizes: |A∩B| = J(|A|+|B|)/(1+J).
//  3. Same at minJaccard, or at minContainment when the smaller text has at least
//     minShinglesForContainment shingles (a trimmed republication)…
//  3b. …except, at a Jaccard under longCheckMaxJaccard, when the pair shares phrases but not
//     sentences: few of the smaller text's long shingles in the other (long-shingles.ts). Two
//     outlets rewording one release share names and figures; a copy keeps whole runs.
//  4. …except that two short texts (even the larger under shortTextShingles) that each carry a
//     number the other lacks are different stories: a shared template outweighs the few tokens
//     that are the news, and in a brief those are its dates and figures.
//  5. …and except, whatever the length, when both titles carry dates and each has one the
//     other lacks (two days of one column: same-series, else follow-up), or when the new text's
//     title and lead state facts the other text holds nowhere (lead-facts.ts): minNewNumbers numbers or minNewNames capitalised
//     syllables. A copy states nothing its original lacks; another day's column or a follow-up
//     does. Such a text is its own story, related to the other: `same-series` when both titles
//     carry numbers, each has one the other lacks and their other words are alike (one template,
//     two days), else `follow-up`…
//  6. …unless it is an expanded copy (not a column's other day): copyMinContainment of the smaller
//     text inside the larger, a lead stating more facts the other text holds than new ones (at
//     least minKnownLeadFacts), and none of the other's title and lead figures missing from it. A
//     later, longer version restates its original's lead and adds a figure or a name; a follow-up
//     leads with what is new; another day's column drops the other day's figures. Or: a lead that
//     adds only names while most of its words are in the other text (copyMinLeadRestated,
//     restated-lead.ts), the same containment, and none of the other's figures missing: a lead
//     rewritten around a name the original left out, not a follow-up's new lead.
//  7. Below the thresholds, a text still this alike (relatedMinJaccard, relatedMinContainment) is
//     another report of the same event: its own story, related as `same-event`.
// Whether a pair is looked at (the exact hash, an LSH band or an anchor in common) is the index's
// candidate step; `sharesCandidateKey` states it for a pair so `dedupe compare` answers as the
// index would.
import { DEDUPE, type SameStoryRule } from '../../config/dedupe.js';
import { luaSource } from '../../base/redis/lua-script.js';
import type { Fingerprint } from './fingerprint.js';
import {
  LEAD_FACTS_LUA,
  newFacts,
  sameTemplate,
  titleDatesDisagree,
  titleNumbersDisagree,
  type NewFacts,
  type StoryFacts,
} from './lead-facts.js';
import { sharesCandidateKey } from './candidate-keys.js';
import { leadAgreement, restatedLeadShare } from './restated-lead.js';
import { expandedCopy, restatedLeadCopy } from './copy-steps.js';
import { longContainmentOf, sharesPhrasesOnly } from './long-shingles.js';

export type SameStoryBasis =
  | 'exact'
  | 'jaccard'
  | 'containment'
  | 'shares phrases, not sentences'
  | 'short texts, numbers differ'
  | 'headlines of two days'
  | 'new facts in the lead'
  | 'expanded copy'
  | 'restated lead'
  | 'below thresholds'
  | 'no key in common';

/** How a story that is not a copy relates to an earlier one it resembles (manifest `related`). */
export type RelationKind = 'follow-up' | 'same-event' | 'same-series';

export interface Similarity {
  same: boolean;
  jaccard: number;
  containment: number;
  basis: SameStoryBasis;
}

/** Equal bytes of two sketches (one byte per hash function). */
export function matchingHashes(a: Buffer, b: Buffer): number {
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return eq;
}

/** True when each list of 4-hex-digit chunks has a chunk the other lacks. */
export function numbersDisagree(a: string, b: string): boolean {
  const chunks = (x: string): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i + 4 <= x.length; i += 4) out.add(x.slice(i, i + 4));
    return out;
  };
  const sa = chunks(a);
  const sb = chunks(b);
  let aOnly = false;
  let bOnly = false;
  for (const x of sa) if (!sb.has(x)) aOnly = true;
  for (const x of sb) if (!sa.has(x)) bOnly = true;
  return aOnly && bOnly;
}

/** The decision from equal sketch bytes out of `hashes`, the two shingle counts and numbers. */
export function judgeSimilarity(
  equal: number,
  hashes: number,
  sizeA: number,
  sizeB: number,
  numbersA = '',
  numbersB = '',
  rule: SameStoryRule = DEDUPE,
): Similarity {
  // The operations and their order are the Lua function's, so both give the same doubles.
  let j = (equal / hashes - 1 / 256) / (1 - 1 / 256);
  if (j < 0) j = 0;
  const small = Math.min(sizeA, sizeB);
  const large = Math.max(sizeA, sizeB);
  let c = 0;
  if (small > 0) c = Math.min(1, (j * (sizeA + sizeB)) / (1 + j) / small);
  let basis: SameStoryBasis = 'below thresholds';
  if (j >= rule.minJaccard) basis = 'jaccard';
  else if (small >= rule.minShinglesForContainment && c >= rule.minContainment) basis = 'containment';
  if (basis !== 'below thresholds' && large < rule.shortTextShingles && numbersDisagree(numbersA, numbersB))
    basis = 'short texts, numbers differ';
  return { same: basis === 'jaccard' || basis === 'containment', jaccard: j, containment: c, basis };
}

export interface Relation extends Similarity {
  related: RelationKind | null;
  /** The new text's lead facts the other lacks (when the thresholds were met). */
  newFacts: NewFacts | null;
}

/**
 * Steps 5 to 7: the similarity of `mine` (the text being claimed) to `theirs` (an indexed story)
 * turned into merge, related or unrelated. `small` is the smaller text's shingle count;
 * `leadShare` the estimated share of mine's lead inside theirs (restated-lead.ts).
 */
export function relateStories(
  sim: Similarity,
  small: number,
  mine: StoryFacts,
  theirs: StoryFacts,
  leadShare: number,
  rule: SameStoryRule = DEDUPE,
): Relation {
  if (sim.basis === 'short texts, numbers differ') return { ...sim, related: 'same-series', newFacts: null };
  if (sim.same) {
    const fresh = newFacts(mine.lead, theirs.known);
    // Headlines dated on different days are two days, whatever the lead: a forecast names
    // tomorrow, a draw the last jackpot, so the next day's figures are "known" to the day before.
    if (titleDatesDisagree(mine.lead, theirs.lead)) {
      const kind = sameTemplate(mine.lead, theirs.lead) ? 'same-series' : 'follow-up';
      return { ...sim, same: false, basis: 'headlines of two days', related: kind, newFacts: fresh };
    }
    if (fresh.numbers < rule.minNewNumbers && fresh.names < rule.minNewNames)
      return { ...sim, related: null, newFacts: fresh };
    // Figures of the other's title and lead that mine holds nowhere.
    const dropped = newFacts(theirs.lead, mine.known).numbers;
    // One template on two days: the titles' figures differ, and so do the facts — a retitled copy
    // may move a figure between headline and lead, but each text still holds all the other's.
    const series =
      titleNumbersDisagree(mine.lead, theirs.lead) &&
      sameTemplate(mine.lead, theirs.lead) &&
      (fresh.numbers > 0 || dropped > 0);
    if (!series && expandedCopy(sim.containment, fresh, dropped, mine, rule))
      return { ...sim, basis: 'expanded copy', related: null, newFacts: fresh };
    if (!series && restatedLeadCopy(sim.containment, fresh, dropped, leadShare, rule))
      return { ...sim, basis: 'restated lead', related: null, newFacts: fresh };
    const kind = series ? 'same-series' : 'follow-up';
    return { ...sim, same: false, basis: 'new facts in the lead', related: kind, newFacts: fresh };
  }
  const near =
    sim.jaccard >= rule.relatedMinJaccard ||
    (small >= rule.minShinglesForContainment && sim.containment >= rule.relatedMinContainment);
  return { ...sim, related: near ? 'same-event' : null, newFacts: null };
}

/**
 * The Lua statement of judgeSimilarity (same_story: same 1/0, Jaccard, containment, and 1 when the
 * short-text rule refused) and of relateStories (relate: 'same', a relation kind, or 'none').
 */
export const SAME_STORY_LUA_FILES: readonly URL[] = [
  LEAD_FACTS_LUA.file,
  new URL('./lua/same-story.lua', import.meta.url),
];
export const SAME_STORY_LUA = luaSource(SAME_STORY_LUA_FILES, LEAD_FACTS_LUA.constants);

/** The rule's thresholds in the order the Lua functions take them (ARGV of the claim script). */
export function ruleArgs(rule: SameStoryRule = DEDUPE): number[] {
  return [
    rule.minJaccard,
    rule.minContainment,
    rule.minShinglesForContainment,
    rule.shortTextShingles,
    rule.minNewNumbers,
    rule.minNewNames,
    rule.relatedMinJaccard,
    rule.relatedMinContainment,
    rule.copyMinContainment,
    rule.minKnownLeadFacts,
    rule.copyMinLeadRestated,
    rule.longCheckMaxJaccard,
    rule.minLongContainment,
  ];
}

export interface PairVerdict extends Relation {
  /** Bands and anchors in common: the index only looks at a pair that shares one (or the exact key). */
  sharedBands: number;
  sharedAnchors: number;
  /** Estimated share of the new text's lead inside the other (restated-lead.ts). */
  leadShare: number;
}

/**
 * Two fingerprints judged exactly as the index judges a new article (`a`) against one indexed
 * story (`b`): the exact key decides at once; otherwise the pair must share a band or an anchor,
 * then the rule decides.
 */
export function compareFingerprints(a: Fingerprint, b: Fingerprint, rule: SameStoryRule = DEDUPE): PairVerdict {
  const cand = sharesCandidateKey(a, b);
  let sim = judgeSimilarity(
    matchingHashes(a.sketch, b.sketch),
    a.sketch.length,
    a.shingles,
    b.shingles,
    a.numbers,
    b.numbers,
    rule,
  );
  if (sim.same && sharesPhrasesOnly(sim.jaccard, longContainmentOf(a.longSample, b.longSample), rule))
    sim = { ...sim, same: false, basis: 'shares phrases, not sentences' };
  const lead = leadAgreement(a.sketch, b.sketch, a.leadPositions);
  const leadShare = restatedLeadShare(lead.equal, lead.at, a.shingles, b.shingles, sim.jaccard);
  const shared = { sharedBands: cand.bands, sharedAnchors: cand.anchors, leadShare };
  const none = { related: null, newFacts: null };
  if (cand.exact) return { ...sim, ...none, same: true, basis: 'exact', ...shared };
  if (cand.bands === 0 && cand.anchors === 0)
    return { ...sim, ...none, same: false, basis: 'no key in common', ...shared };
  return { ...relateStories(sim, Math.min(a.shingles, b.shingles), a.facts, b.facts, leadShare, rule), ...shared };
}
