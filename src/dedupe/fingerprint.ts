// Everything the dedupe index needs from one article's text, computed once per article.
import { DEDUPE } from '../../config/dedupe.js';
import { contentKeyTokens, hashOfKeyText } from './content-hash.js';
import { bandKeys, exactKey, minhashSignature, shingleHashes, sketchOf, type BandKey } from './minhash.js';

export interface Fingerprint {
  /** sha256 prefix of the normalized text (exact layer; also written to the manifest). */
  contentHash: string;
  /** Distinct shingles: the set size behind the containment estimate. */
  shingles: number;
  /** 64 one-byte MinHash values, kept per story to verify candidates. */
  sketch: Buffer;
  exact: BandKey;
  bands: BandKey[];
  /** Bucket bits the keys were cut with; the index refuses a fingerprint cut differently. */
  bucketBits: number;
}

export function fingerprint(
  lead: string | null,
  body: readonly string[],
  bucketBits: number = DEDUPE.bucketBits,
): Fingerprint {
  const tokens = contentKeyTokens(lead, body);
  const text = tokens.join(' ');
  const sh = shingleHashes(tokens);
  const sig = minhashSignature(sh);
  const hash = hashOfKeyText(text);
  return {
    contentHash: hash,
    shingles: sh.length,
    sketch: sketchOf(sig),
    exact: exactKey(hash, bucketBits),
    bands: bandKeys(sig, bucketBits),
    bucketBits,
  };
}
