// Near-duplicate detection settings (src/dedupe). Each value says why it is what it is; the
// measured recall and false merges behind them are in BENCHMARKS.md (npm run eval:dedupe).
export const DEDUPE = {
  /** Folded, tone-stripped syllables per shingle: 3 is about one Vietnamese word-pair of context. */
  shingleSize: 3,
  /**
   * MinHash functions. The one-byte sketch estimates Jaccard with a standard error of
   * √(J(1−J)/hashes): 256 keeps copies at J 0.4 and write-ups at J 0.2 four errors apart from
   * minJaccard, where 64 could not tell them apart.
   */
  hashes: 256,
  /**
   * LSH banding over the signature's first bands × rows values: a pair is looked at when one band
   * agrees, P = 1 − (1 − J^rows)^bands, 0.99 at Jaccard 0.7. Four equal minima at once are never
   * a phrase two unrelated stories happen to share, so these keys stay useful at any index size.
   */
  bands: 16,
  rows: 4,
  /**
   * Anchors: the story's `anchors` shingles with the least hash values (a bottom-k sample), each
   * indexed on its own. A copy holding a share C of the larger text's shingles shares about
   * C × anchors × |smaller| / |larger| of them, so a trimmed copy (Jaccard 0.2–0.35, containment
   * near 1) and any copy from Jaccard 0.2 up share several: the candidates bands alone miss.
   */
  anchors: 32,
  /** Same story at this estimated Jaccard similarity of the shingle sets… */
  minJaccard: 0.3,
  /**
   * …or when this share of the smaller text's shingles is in the larger (a trimmed republication).
   * Independent reports of one event can reach about 0.53 (long quotes, shared background): what
   * keeps them apart is mostly the new-facts test below (each outlet's lead states what the other
   * lacks), as a higher threshold would lose trimmed copies whose estimate falls near 0.58.
   */
  minContainment: 0.55,
  /** Containment is only trusted on texts this long: on a few shingles the estimate is noise. */
  minShinglesForContainment: 40,
  /**
   * Short texts: when even the larger text has fewer shingles than this, two texts that each
   * carry a number the other lacks (a date, a count, an amount) are different stories, however
   * alike the rest. Two short templated pieces (a daily communiqué, a price or weather brief)
   * share most of their words through the template, and the numbers that differ are the news;
   * a trimmed or re-credited copy only loses or gains numbers on one side.
   */
  shortTextShingles: 100,
  /** The numbers kept per short story (16-bit hashes): a brief carries far fewer. */
  maxNumbers: 32,
  /**
   * Bucket keys per band are 2^bucketBits, and the anchors share 2^(bucketBits + anchorExtraBits):
   * a fixed key count whatever the corpus size, so lookups touch the same number of keys at 1 000
   * articles or 1 000 000. 12 bits keeps each bucket a compact listpack (≤ 512 entries, see
   * docker-compose.yml) up to 2 M articles within the retention.
   */
  bucketBits: 12,
  /**
   * The anchor buckets hold `anchors` entries per story, a band's buckets one: 2^6 times as many
   * anchor buckets keeps them half as full, since anchors are two thirds of a lookup's keys and a
   * listpack bucket is searched entry by entry.
   */
  anchorExtraBits: 6,
  /** Stories older than this no longer absorb new copies; their index entries are pruned. */
  retentionDays: 180,
  /**
   * New facts (src/dedupe/lead-facts.ts): a text that passes the thresholds is still another
   * story when its title and lead carry a number found nowhere in the other text (a template's
   * day, draw or price; a follow-up's new figure)…
   */
  minNewNumbers: 1,
  /**
   * …or this many capitalised syllables of its lead found nowhere in the other text, leaving out
   * those of its own headline (a lead rewritten around it) and of the beat's countries (an
   * editor may add one): a new actor, one name being two or three syllables.
   */
  minNewNames: 2,
  /**
   * …unless the text is an expanded copy: this share of the smaller text is inside the larger,
   * its lead states more facts the other text already holds than new ones (at least
   * minKnownLeadFacts), and it keeps every figure of the other's title and lead. A later, longer
   * version of a report restates its original's lead and adds a figure or a name; a follow-up
   * leads with what is new, and another day of a column drops the other day's figures.
   */
  copyMinContainment: 0.6,
  minKnownLeadFacts: 2,
  /**
   * …or when its lead adds only names and this share of the lead's shingles is in the other text
   * (estimated from the sketch, src/dedupe/restated-lead.ts), with the same containment and every
   * figure of the other's title and lead kept: a lead rewritten around a name. A follow-up's lead
   * is new text (generated follow-ups: at most 0.24, most 0); real copies whose rewritten lead
   * named someone: 0.5–0.8 (development half).
   */
  copyMinLeadRestated: 0.4,
  /** Facts kept from the title and lead (after the headline's 4 template words): a lead carries far fewer. */
  maxLeadFacts: 28,
  /** Facts of the whole text sent with a claim to pick among a column's days (never stored). */
  maxTextFacts: 64,
  /**
   * Bytes of the Bloom filter of every number and capitalised syllable of the story (k = 3):
   * 1024 bits keep the chance of a fact looking known under 2 % at 100 facts. A false "known"
   * only makes the rule merge as it did before facts existed.
   */
  factBloomBytes: 128,
  /**
   * Below the thresholds, a text this alike is another outlet's report of the same event: not
   * merged, linked (`related`, kind same-event).
   */
  relatedMinJaccard: 0.15,
  relatedMinContainment: 0.3,
  /**
   * Long shingles (long-shingles.ts): syllables per run. Independent reports of one event share
   * 3-syllable shingles (names, titles, figures, set phrases) but few runs this long; a copy,
   * trimmed or lightly edited, keeps most of its sentences and so most of its long runs.
   */
  longShingleSize: 8,
  /** Long-shingle hashes the index keeps per story (2 bytes each)… */
  longSampleKept: 96,
  /** …and the claimant sends (a bottom-K sample, cut at the stored story's own cut-off). */
  longSampleSent: 256,
  /** Values of the smaller side under the common cut-off below which the estimate says nothing. */
  minLongSample: 12,
  /**
   * A pair the thresholds call the same story at Jaccard under this is merged only when it shares
   * whole runs: a Jaccard this high is a copy anyway (independent reports stay under 0.41).
   */
  longCheckMaxJaccard: 0.45,
  /**
   * …at least this estimated share of the smaller text's long shingles in the other. Set on the
   * development half of the real pairs, between the highest independent-report estimate (0.304)
   * and the lowest copy's (0.313): the margin there is thin, see docs/dedupe.md.
   */
  minLongContainment: 0.31,
} as const;

/** The rule's thresholds, as the decision (src/dedupe/same-story.ts) takes them. */
export type SameStoryRule = Record<
  | 'minJaccard'
  | 'minContainment'
  | 'minShinglesForContainment'
  | 'shortTextShingles'
  | 'minNewNumbers'
  | 'minNewNames'
  | 'relatedMinJaccard'
  | 'relatedMinContainment'
  | 'copyMinContainment'
  | 'minKnownLeadFacts'
  | 'copyMinLeadRestated'
  | 'longCheckMaxJaccard'
  | 'minLongContainment',
  number
>;
