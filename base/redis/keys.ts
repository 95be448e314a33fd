// Every Redis key tinwatch owns (BullMQ's own keys live under `<prefix>:bull`). One prefix per
// deployment, so tests and the demo can share a server without touching real data.
export interface Keys {
  readonly prefix: string;
  readonly bullPrefix: string;
  /** SET of canonical article URLs already fetched. */
  readonly seen: string;
  /** gzip'd raw page waiting for its article job. */
  raw(storyId: string): string;
  /** The page's HTTP exchange for its WARC capture, parked beside the raw page (http-exchange.ts). */
  capture(storyId: string): string;
  /** Where a story's WARC capture was written, kept so a retried job does not capture it twice. */
  warcPointer(storyId: string): string;
  /** Where a capture is about to be written (set before its bytes): a retry after a crash checks it on disk. */
  warcPlaced(captureId: string): string;
  /** HASH storyId → JSON: a written story's re-check record (src/recheck/recheck-policy.ts). */
  readonly recheckRecords: string;
  /** ZSET storyId → when its next scheduled re-check is due (ms), per source. */
  recheckDue(sourceId: string): string;
  /** HASH storyId → JSON: the story's latest revision (src/recheck/story-revision.ts). */
  readonly storyRevisions: string;
  /** SET of `<storyId>.r<revision>` whose edit line is written. */
  readonly editsWritten: string;
  /** Counter behind the NNN sequence in file names. */
  readonly seq: string;
  /**
   * STRING: the id of the output folder whose record this Redis holds (src/write/folder-identity.ts).
   * Missing = Redis lost its data, or never wrote that folder: writes refuse until `tinwatch recover`.
   */
  readonly outFolder: string;
  /** Held (with an expiry) while `tinwatch recover` rebuilds this prefix's record from the folder. */
  readonly recoverLock: string;
  /** HASH storyId → assigned sequence number (so a retry reuses its number: no gaps, no repeats). */
  readonly storySeq: string;
  /** HASH bucket of the dedupe index: band number ('x' the exact layer, 'a' the anchors) and bucket. */
  dedupeBucket(band: number | 'x' | 'a', bucket: number): string;
  /** SCAN pattern matching every dedupe bucket (and nothing else). */
  readonly dedupeBucketPattern: string;
  /** Prefix of the dedupe story records (`…:dd:r:<story number>`, TTL = retention). */
  readonly dedupeRecordPrefix: string;
  /** Counter behind dedupe story numbers. */
  readonly dedupeSeq: string;
  /** STRING: the layout the dedupe index was built with (version, bucket bits, hashes, bands; see layoutMarker). */
  readonly dedupeBits: string;
  /** LIST of recent off-topic articles (JSON), capped: what `--show-skipped` and the dashboard list. */
  readonly skipped: string;
  /** HASH story id → a person's on/off mark on a borderline story (JSON), exported as eval examples. */
  readonly relevanceMarks: string;
  /** SET of storyIds whose manifest line is written. */
  readonly manifested: string;
  /** HASH storyId → the written_at of its article line, fixed before the line is appended (a retry reuses it; duplicates copy it). */
  readonly writtenAt: string;
  /** HASH (expiring) `<source>|extracted` and `<source>|core_fallback` counts of one day (YYYY-MM-DD, Vietnam time). */
  extractionsOfDay(day: string): string;
  /** SET (expiring) of the article job ids a crawl run queued, across the crawl job's attempts. */
  runArticles(sourceId: string, runId: string): string;
  /** STRING (JSON ArticleOutcome, expiring): what the article job did, set with its last write. */
  articleOutcome(storyId: string): string;
  /** SET of JSON {id,url,outlet}: the other outlets that carried this story. */
  storyOutlets(storyId: string): string;
  /** LIST of recent fetch failures (JSON), capped. */
  readonly fetchFailures: string;
  /** Marker: this alert (or digest batch) was delivered; checked before sending again. */
  alertSent(key: string): string;
  /** Counter of deliveries on a channel in one minute window (rate limit). */
  channelRate(channel: string, window: number): string;
  /** HASH storyId → alert item JSON waiting for the next digest of (rule, channel). */
  digestPending(rule: string, channel: string): string;
  /** HASH: the items one digest job took (kept until delivered, so a retry resends the same batch). */
  digestBatch(jobId: string): string;
  /** HASH storyId (or copy id) → its thread's root story id (src/alert/thread-root.ts); rebuilt by recover. */
  readonly threadRoot: string;
  /** STRING (JSON {storyId,title,url}, expiring): a per-thread rule alerted on this thread on this channel. */
  threadAlerted(rule: string, channel: string, root: string): string;
  /** HASH storyId → update item JSON: later stories of a thread waiting for its next update. */
  threadPending(rule: string, channel: string, root: string): string;
  /** STRING (expiring): the thread's next update job is queued (its id); stories arriving meanwhile join it. */
  threadUpdateDue(rule: string, channel: string, root: string): string;
  /** ZSET storyId → publication time (ms): a spike rule's matches over its last 8 days. */
  ruleHits(rule: string): string;
  /** STRING (JSON, expiring): title, outlet, url and thread of a story a spike rule matched. */
  hitInfo(storyId: string): string;
  /** STRING (JSON {id, story, at}): the spike this rule is in, if any (once per spike). */
  spikeActive(rule: string): string;
  /** HASH of pipeline counters shared by every process (see src/stats). */
  readonly statsCounters: string;
  /** HASH: job duration histogram of one queue. */
  statsDurations(queue: string): string;
  /** HASH (expiring) story id (or `url:<link>`) → bucket|detail: where each URL of a source's day ended. */
  urlLedger(day: string, sourceId: string): string;
  /** STRING (expiring): a repeating warning was said today (`<source>|<warning>|<day>`); said once a day. */
  warnedOnce(what: string): string;
  /** HASH: last crawl facts of one source (dashboard health). */
  sourceHealth(sourceId: string): string;
  /** STRING: an origin's robots.txt, cached with an expiry. */
  robots(origin: string): string;
  /** HASH {etag, lastModified} of a feed or listing URL, for conditional GET. */
  validators(url: string): string;
  /** Politeness gate: exists while a host's next request must wait. */
  hostGate(host: string): string;
  /** Exists while a host's next feed poll must wait (one feed request a minute per host). */
  feedTurn(host: string): string;
  /** ZSET feed URL → when (real ms) its next poll is due, per host: the host's turn goes to the longest due. */
  feedDue(host: string): string;
  /** ZSET feed URL → when (real ms) its poll chain last asked for the host's turn (alive or not). */
  feedAsked(host: string): string;
  /** ZSET item URL → publication time (ms) of one feed, read by the poll policy. */
  feedItems(feedUrl: string): string;
  /** Recent consecutive failures of a host (circuit breaker). */
  hostFailures(host: string): string;
  /** Exists (with the reason) while a host is paused by the circuit breaker. */
  hostPaused(host: string): string;
  /** STRING: a cookie a host's challenge asked for (D1N), sent with every request to it. */
  hostCookie(host: string): string;
}

export function createKeys(prefix: string): Keys {
  return {
    prefix,
    bullPrefix: `${prefix}:bull`,
    seen: `${prefix}:seen`,
    raw: (id) => `${prefix}:raw:${id}`,
    capture: (id) => `${prefix}:capture:${id}`,
    warcPointer: (id) => `${prefix}:warc-at:${id}`,
    warcPlaced: (id) => `${prefix}:warc-placed:${id}`,
    recheckRecords: `${prefix}:recheck:records`,
    recheckDue: (sourceId) => `${prefix}:recheck:due:${sourceId}`,
    storyRevisions: `${prefix}:story-revisions`,
    editsWritten: `${prefix}:edits-written`,
    seq: `${prefix}:seq`,
    outFolder: `${prefix}:out-folder`,
    recoverLock: `${prefix}:recover-lock`,
    storySeq: `${prefix}:story-seq`,
    dedupeBucket: (band, bucket) => `${prefix}:dd:b${band}:${bucket.toString(16)}`,
    dedupeBucketPattern: `${prefix}:dd:b*`,
    dedupeRecordPrefix: `${prefix}:dd:r:`,
    dedupeSeq: `${prefix}:dd:seq`,
    dedupeBits: `${prefix}:dd:meta:bits`,
    skipped: `${prefix}:skipped`,
    relevanceMarks: `${prefix}:relevance:marks`,
    manifested: `${prefix}:manifested`,
    writtenAt: `${prefix}:written-at`,
    extractionsOfDay: (day) => `${prefix}:stats:extractions:${day}`,
    runArticles: (sourceId, runId) => `${prefix}:run-articles:${sourceId}:${runId}`,
    articleOutcome: (id) => `${prefix}:article-outcome:${id}`,
    storyOutlets: (id) => `${prefix}:story-outlets:${id}`,
    fetchFailures: `${prefix}:failed:fetch`,
    alertSent: (k) => `${prefix}:alert-sent:${k}`,
    channelRate: (c, w) => `${prefix}:rate:${c}:${w}`,
    digestPending: (r, c) => `${prefix}:digest:${r}:${c}`,
    digestBatch: (id) => `${prefix}:digest-batch:${id}`,
    threadRoot: `${prefix}:thread-root`,
    threadAlerted: (r, c, root) => `${prefix}:thread-alerted:${r}:${c}:${root}`,
    threadPending: (r, c, root) => `${prefix}:thread-pending:${r}:${c}:${root}`,
    threadUpdateDue: (r, c, root) => `${prefix}:thread-update-due:${r}:${c}:${root}`,
    ruleHits: (r) => `${prefix}:rule-hits:${r}`,
    hitInfo: (id) => `${prefix}:hit-info:${id}`,
    spikeActive: (r) => `${prefix}:spike:${r}`,
    statsCounters: `${prefix}:stats:counters`,
    statsDurations: (q) => `${prefix}:stats:durations:${q}`,
    urlLedger: (day, id) => `${prefix}:ledger:${day}:${id}`,
    warnedOnce: (what) => `${prefix}:warned:${what}`,
    sourceHealth: (id) => `${prefix}:health:${id}`,
    robots: (origin) => `${prefix}:robots:${origin}`,
    validators: (url) => `${prefix}:validators:${url}`,
    hostGate: (h) => `${prefix}:host-gate:${h}`,
    feedTurn: (h) => `${prefix}:feed-turn:${h}`,
    feedDue: (h) => `${prefix}:feed-due:${h}`,
    feedAsked: (h) => `${prefix}:feed-asked:${h}`,
    feedItems: (url) => `${prefix}:feed-items:${url}`,
    hostFailures: (h) => `${prefix}:host-failures:${h}`,
    hostPaused: (h) => `${prefix}:host-paused:${h}`,
    hostCookie: (h) => `${prefix}:host-cookie:${h}`,
  };
}
