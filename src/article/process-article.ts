// The article job: extract → normalize → relevance → dedupe → write. Plain function over its
// data and dependencies; the BullMQ wiring is in workers/article-worker.ts.
// Expected outcomes (off-topic, duplicate) are returned; a page that can never be extracted is an
// UnrecoverableError with its reason (the failed list shows it); anything else throws and is
// retried with backoff.
import { gunzipSync } from 'node:zlib';
import { UnrecoverableError } from 'bullmq';
import type { ChainableCommander, Redis } from 'ioredis';
import { PIPELINE } from '../../config/pipeline.js';
import type { SourceConfig } from '../../config/source-schema.js';
import { claimStory } from '../dedupe/dedupe-index.js';
import { fingerprint } from '../dedupe/fingerprint.js';
import { captureStory, type WarcSink } from '../archive/capture-story.js';
import { carrierMember } from '../dedupe/story-carriers.js';
import { MANIFEST_SCHEMA_VERSION, type ManifestEntry } from '../write/manifest-entry.js';
import { extractArticle, type ExtractField } from '../extract/extract-article.js';
import { renderSeedText } from '../format/seed-format.js';
import type { Logger } from '../logger.js';
import { articleOutcomeSchema, type ArticleJobData, type ArticleOutcome } from '../queues.js';
import { execChecked } from '../redis/exec-checked.js';
import type { Keys } from '../redis/keys.js';
import { recordSkipped } from './skipped-articles.js';
import { classifyTopics } from '../relevance/classify-topics.js';
import { appendManifest, manifestTailHasStory, writeArticleFile } from '../write/article-files.js';
import type { Queue } from 'bullmq';
import { enqueueAlerts } from '../alert/enqueue-alerts.js';
import type { RuleMatcher } from '../match/rule-matcher.js';
import { timed, type StageTimings } from '../stats/stage-timings.js';
import { assignSequence, fileNameFor } from '../write/sequence.js';

export interface ArticleDeps {
  redis: Redis;
  keys: Keys;
  outDir: string;
  log: Logger;
  sourceById(id: string): SourceConfig;
  /** Per-stage time accounting (benchmark). */
  timings?: StageTimings;
  /** This job may have run before (retry or stall): check the manifest before appending. */
  maybeRepeated?: boolean;
  /** Told of every extracted article, with the fields that needed a generic fallback (a selector missed). */
  onExtracted?: (fallbacks: ExtractField[]) => Promise<void> | void;
  /** Dedupe index settings (env TINWATCH_DEDUPE_*); defaults from config/dedupe.ts. */
  dedupe?: { bucketBits: number; retentionDays: number };
  /** Watch rules and the alert queue; absent = no alerts (e.g. `extract`-style tools). */
  alerts?: { matcher: RuleMatcher; alertQueue: Queue };
  /** Where written stories' pages as served go (WARC files); absent or null = no capture. */
  warc?: WarcSink | null;
}

/**
 * What an earlier attempt of this job did (if it finished its writes), whether the story has its
 * manifest line, and the parked raw page: one round trip. The page is read even when the story
 * is done (it is small next to a second round trip).
 */
async function storyStateAndRaw(
  deps: ArticleDeps,
  data: ArticleJobData,
): Promise<{ earlier: ArticleOutcome | null; done: boolean; raw: Buffer | null }> {
  const [kept, manifested, raw] = await execChecked(
    deps.redis
      .pipeline()
      .get(deps.keys.articleOutcome(data.storyId))
      .sismember(deps.keys.manifested, data.storyId)
      .getBuffer(data.rawKey),
    'story state and raw page',
  );
  return { earlier: keptOutcomeOf(data, kept as string | null), done: manifested === 1, raw: raw as Buffer | null };
}

/**
 * The kept outcome if it is this job's: same story fetched at the same time. A later crawl's job
 * for the story (fetched again) did not write it, so it gets no outcome here.
 */
function keptOutcomeOf(data: ArticleJobData, kept: string | null): ArticleOutcome | null {
  if (!kept) return null;
  try {
    const { fetchedAt, outcome } = JSON.parse(kept) as { fetchedAt?: string; outcome?: unknown };
    const parsed = articleOutcomeSchema.safeParse(outcome);
    return fetchedAt === data.fetchedAt && parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the job's outcome beside its last write, so a repeat of the job can report it. */
function keepOutcome(
  m: ChainableCommander,
  keys: Keys,
  data: ArticleJobData,
  outcome: ArticleOutcome,
): ChainableCommander {
  const kept = JSON.stringify({ fetchedAt: data.fetchedAt, outcome });
  return m.set(keys.articleOutcome(data.storyId), kept, 'EX', PIPELINE.articleOutcomeTtlSeconds);
}

/** The parked page's bytes (UTF-8), inflated once: extraction reads them, the WARC capture keeps them. */
function inflateRaw(rawKey: string, buf: Buffer | null): Buffer {
  if (!buf)
    throw new UnrecoverableError(`raw page ${rawKey} is gone (expired before extraction); re-crawl to fetch it again`);
  return gunzipSync(buf);
}

/**
 * Appends the manifest line once per story, then runs `after` in the same MULTI as the flag that
 * says the line is written (one round trip for the job's last Redis writes). A worker killed
 * between append and flag leaves the line without the flag, so a job that may be a repeat (a
 * retry, or picked up after a stall) first checks the flag again and looks for its line at the
 * end of the manifest; a first attempt already checked the flag when it started.
 */
async function manifestOnce(
  deps: ArticleDeps,
  data: ArticleJobData,
  entry: ManifestEntry,
  after: (m: ReturnType<Redis['multi']>) => void,
  outcome: ArticleOutcome,
): Promise<void> {
  const storyId = data.storyId;
  const repeat = deps.maybeRepeated === true;
  const written = repeat && (await deps.redis.sismember(deps.keys.manifested, storyId)) === 1;
  if (!written && !(repeat && (await manifestTailHasStory(deps.outDir, storyId)))) {
    await appendManifest(deps.outDir, entry);
  }
  const m = keepOutcome(deps.redis.multi().sadd(deps.keys.manifested, storyId), deps.keys, data, outcome);
  after(m);
  await m.exec();
}

export async function processArticle(data: ArticleJobData, deps: ArticleDeps): Promise<ArticleOutcome> {
  const source = deps.sourceById(data.sourceId);
  const t = deps.timings;
  const state = await timed(t, 'load raw page', () => storyStateAndRaw(deps, data));
  // A repeat of a job whose writes all landed (its worker died before completing it) reports what
  // the first attempt did, so a run's summary counts what was really written.
  if (state.earlier) return state.earlier;
  if (state.done) return { outcome: 'already-written', storyId: data.storyId };
  const rawPage = inflateRaw(data.rawKey, state.raw);
  const html = rawPage.toString('utf8');
  const res = await timed(t, 'extract + normalize', () => extractArticle(html, data.url, source));
  if (!res.ok) throw new UnrecoverableError(res.reason);
  const article = res.article;
  if (article.fallbacks.length > 0) {
    deps.log.warn(
      { fallbacks: article.fallbacks, matched: article.matched },
      'selectors missed: generic fallback used',
    );
  }
  await deps.onExtracted?.(article.fallbacks);
  const publishedAt = article.publishedAt ?? data.feedPublishedAt;

  const topics = await timed(t, 'relevance', () =>
    classifyTopics({ title: article.title, lead: article.lead, body: article.paragraphs }),
  );
  const relevance = topics.best;
  if (!relevance.onTopic) {
    // The entry, then the raw page's removal: issued in this order on one connection, they leave
    // in one write (coalesce-writes.ts) and Redis runs them in that order.
    const outcome: ArticleOutcome = {
      outcome: 'off-topic',
      storyId: data.storyId,
      score: relevance.score,
      title: article.title,
      url: data.url,
      topTerms: relevance.topTerms.map((x) => x.term),
      reason: relevance.reason,
    };
    const recorded = recordSkipped(deps.redis, deps.keys, {
      at: new Date().toISOString(),
      id: data.storyId,
      source_id: source.id,
      url: data.url,
      title: article.title,
      score: relevance.score,
      top_terms: relevance.topTerms.map((x) => x.term),
      profile: relevance.profile,
      reason: relevance.reason,
    });
    // The outcome is kept before the raw page goes: a repeat that finds the page gone finds it.
    await Promise.all([
      recorded,
      keepOutcome(deps.redis.multi(), deps.keys, data, outcome)
        .del(...parkedKeys(data))
        .exec(),
    ]);
    return outcome;
  }

  const fp = fingerprint(article.lead, article.paragraphs, deps.dedupe?.bucketBits);
  const hash = fp.contentHash;
  // First writer of a text owns the story; the claim is one atomic Redis script across workers.
  const verdict = await timed(t, 'dedupe', () =>
    claimStory(
      deps.redis,
      deps.keys,
      fp,
      { storyId: data.storyId, outlet: source.name, url: data.url },
      deps.dedupe ? { retentionDays: deps.dedupe.retentionDays } : {},
    ),
  );
  if (verdict.kind === 'exact' || verdict.kind === 'near') {
    const owner = verdict.owner;
    const duplicateOutcome: ArticleOutcome = {
      outcome: 'duplicate',
      storyId: data.storyId,
      duplicateOf: owner.storyId,
    };
    await manifestOnce(
      deps,
      data,
      {
        type: 'duplicate',
        schema_version: MANIFEST_SCHEMA_VERSION,
        id: data.storyId,
        url: data.url,
        canonical_url: data.canonicalUrl,
        outlet: source.name,
        source_id: source.id,
        title: article.title,
        published_at: publishedAt,
        fetched_at: data.fetchedAt,
        content_hash: hash,
        duplicate_of: { id: owner.storyId, url: owner.url, outlet: owner.outlet, written_at: owner.writtenAt },
        match: { kind: verdict.kind, similarity: round2(verdict.jaccard), containment: round2(verdict.containment) },
      },
      (m) =>
        m
          .sadd(
            deps.keys.storyOutlets(owner.storyId),
            carrierMember({
              id: data.storyId,
              url: data.url,
              outlet: source.name,
              published_at: publishedAt,
              fetched_at: data.fetchedAt,
              kind: verdict.kind,
              similarity: round2(verdict.jaccard),
              containment: round2(verdict.containment),
            }),
          )
          .del(...parkedKeys(data)),
      duplicateOutcome,
    );
    return duplicateOutcome;
  }

  const seq = await assignSequence(deps.redis, deps.keys, data.storyId);
  const file = fileNameFor(seq, data.storyId);
  const text = renderSeedText(article);
  await timed(t, 'write file', () => writeArticleFile(deps.outDir, file, text));
  const warc = await timed(t, 'WARC capture', () =>
    captureStory(deps, data, rawPage, { text, file: `articles/${file}` }),
  );

  // Alerts are queued before the manifest line: the manifest line is what marks the story done,
  // so a crash in between retries the job and re-queues the same (idempotent) alert jobs.
  const matchable = { title: article.title, lead: article.lead, body: article.paragraphs };
  // A rule scoped to a topic profile fires only for stories that profile wrote.
  const matches = await timed(t, 'match rules', () =>
    (deps.alerts?.matcher.match(matchable) ?? []).filter((m) => !m.rule.profile || topics.matched.has(m.rule.profile)),
  );
  let alertJobIds: string[] = [];
  if (deps.alerts && matches.length > 0) {
    alertJobIds = await enqueueAlerts(
      { redis: deps.redis, keys: deps.keys, alertQueue: deps.alerts.alertQueue },
      {
        storyId: data.storyId,
        title: article.title,
        outlet: source.name,
        url: data.url,
        publishedAt,
        file: `articles/${file}`,
      },
      matchable,
      matches,
    );
  }
  const writtenOutcome: ArticleOutcome = {
    outcome: 'written',
    storyId: data.storyId,
    file: `articles/${file}`,
    seq,
    alertJobIds,
  };
  await timed(t, 'manifest', () =>
    manifestOnce(
      deps,
      data,
      {
        type: 'article',
        schema_version: MANIFEST_SCHEMA_VERSION,
        seq,
        file: `articles/${file}`,
        id: data.storyId,
        url: data.url,
        canonical_url: data.canonicalUrl,
        page_canonical: article.canonicalHint,
        outlet: source.name,
        source_id: source.id,
        title: article.title,
        published_at: publishedAt,
        author: article.author,
        credit: article.credit,
        section: article.section,
        fetched_at: data.fetchedAt,
        written_at: new Date().toISOString(),
        content_hash: hash,
        duplicate_of: null,
        relevance: {
          profile: relevance.profile,
          verdict: relevance.verdict,
          borderline: relevance.borderline,
          score: relevance.score,
          reason: relevance.reason,
          top_terms: relevance.topTerms.map((t) => t.term),
          profiles: topics.byProfile,
        },
        matched_rules: matches.map((m) => m.rule.name),
        extraction: { fallbacks: article.fallbacks },
        warc,
      },
      (m) => m.del(...parkedKeys(data)),
      writtenOutcome,
    ),
  );
  return writtenOutcome;
}

/** The job's parked page and, when capture is on, its HTTP exchange: gone once the story is done. */
const parkedKeys = (data: ArticleJobData): string[] =>
  data.captureKey ? [data.rawKey, data.captureKey] : [data.rawKey];

const round2 = (x: number): number => Math.round(x * 100) / 100;
