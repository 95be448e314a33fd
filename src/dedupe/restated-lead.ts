// How much of a new text's lead the indexed story already holds, read from what the index keeps
// (the story's one-byte MinHash sketch) and nothing more. A follow-up leads with what is new: its
// lead is text the first report never had (synthetic follow-ups: at most 0.24 of it, most none).
// A republisher who rewrites a lead around a name the original left out keeps most of its words
// (real copies: 0.5–0.8). Another day of a column restates its template too, which is why the
// rule also asks that the new text keep the indexed story's lead figures (same-story.ts).
//
// The estimate: at each hash function whose minimum over the new text is a shingle of its lead
// (leadPositions, about hashes × lead/text of them), the sketches agree when that shingle is also
// the indexed story's minimum: it must be in the story (the share asked for) and below the least
// of the story's other shingles, which happens with probability |new| / |union|. So the share of
// agreeing lead positions, corrected for the 1/256 chance that two minima share their low byte
// and divided by |new| / |union|, estimates the share of the lead's shingles in the story.
import { minhashSignature, shingleHashes } from './minhash.js';

/**
 * One byte per hash function: 1 where the text's minimum is a shingle of its lead. Sent with a
 * claim, never stored.
 */
export function leadPositionsOf(signature: Uint32Array, leadTokens: readonly string[]): Buffer {
  const leadSig = minhashSignature(shingleHashes(leadTokens));
  const out = Buffer.alloc(signature.length);
  for (let i = 0; i < signature.length; i++) out[i] = leadTokens.length > 0 && leadSig[i] === signature[i] ? 1 : 0;
  return out;
}

/**
 * Share of the new text's lead inside the indexed story, from the lead positions (`leadAt`) and
 * those where the two sketches agree (`leadEqual`), the new text's and the story's shingle counts
 * and their estimated Jaccard. Operations in the order of the Lua twin (same-story.lua
 * restated_lead), so both give the same double.
 */
export function restatedLeadShare(
  leadEqual: number,
  leadAt: number,
  mySize: number,
  theirSize: number,
  j: number,
): number {
  if (leadAt === 0 || mySize === 0) return 0;
  let p = (leadEqual / leadAt - 1 / 256) / (1 - 1 / 256);
  if (p < 0) p = 0;
  const union = (mySize + theirSize) / (1 + j);
  return Math.min(1, (p * union) / mySize);
}

/** Lead positions of `mine` and, among them, the hash functions where both sketches agree. */
export function leadAgreement(
  mySketch: Buffer,
  theirSketch: Buffer,
  leadPositions: Buffer,
): { at: number; equal: number } {
  let at = 0;
  let equal = 0;
  for (let i = 0; i < mySketch.length; i++) {
    if (leadPositions[i] !== 1) continue;
    at++;
    if (mySketch[i] === theirSketch[i]) equal++;
  }
  return { at, equal };
}
