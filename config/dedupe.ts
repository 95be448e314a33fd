// Near-duplicate detection settings (src/dedupe). Each value says why it is what it is.
export const DEDUPE = {
  /** Folded syllables per shingle: 3 is about one Vietnamese word-pair of context. */
  shingleSize: 3,
  /**
   * LSH banding: 16 bands of 4 MinHash rows (64 hashes). A pair is looked at when one band agrees;
   * P = 1 - (1 - J^4)^16 is 0.99 at Jaccard 0.7 and 0.04 at Jaccard 0.3.
   */
  bands: 16,
  rows: 4,
  /** Verified as a near-duplicate at this estimated Jaccard similarity of the shingle sets… */
  minJaccard: 0.5,
  /** …or when this share of the shorter text's shingles is in the longer (a trimmed republication). */
  minContainment: 0.8,
  /** Containment is only trusted on texts this long: on a few shingles the estimate is noise. */
  minShinglesForContainment: 40,
  /**
   * Bucket keys per band are 2^bucketBits: a fixed key count whatever the corpus size, so lookups
   * touch 17 bucket keys at 1 000 articles or 1 000 000. 12 bits keeps each bucket a compact
   * listpack (≤ 512 entries, see docker-compose.yml) up to 2 M articles within the retention.
   */
  bucketBits: 12,
  /** Stories older than this no longer absorb new copies; their index entries are pruned. */
  retentionDays: 180,
} as const;
