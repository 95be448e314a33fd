// A new story: its text file (NNN_<id>.txt), its page as served in the WARC files, its thread,
// its alerts queued (as updates, for a follow-up of a story the rule fired on; per thread or per
// spike for rules that say so), then its manifest line (with
// `related`: the earlier story it follows up, continues or reports beside) — the line marks the story done, so a crash before it retries
// the job and re-queues the same (idempotent) alert jobs.
import type { Queue } from 'bullmq';
import { enqueueAlerts } from '../../src/alert/enqueue-alerts.js';
import { countForSpikes, matchRules, placeInThread } from './story-alerts.js';
import { captureStory, type WarcSink } from '../../src/archive/capture-story.js';
import type { Logger } from '../../base/logger.js';
import type { RuleMatcher } from '../../src/match/rule-matcher.js';
import type { ArticleOutcome } from '../../base/queues.js';
import type { TopicsResult } from '../../src/relevance/classify-topics.js';
import { timed, type StageTimings } from '../../src/stats/stage-timings.js';
import { writeArticleFile } from '../../src/write/article-files.js';
import { renderArticleText } from '../../src/write/article-text.js';
import { MANIFEST_SCHEMA_VERSION } from '../../src/write/manifest-entry.js';
import { assignSequence, fileNameFor } from '../../src/write/sequence.js';
import type { RelatedStory } from '../../src/dedupe/dedupe-index.js';
import { round2, type ArticleContext } from './article-context.js';
import { parkedKeys } from './job-state.js';
import { manifestOnce, type ManifestDeps } from './manifest-once.js';
import { trackWrittenStory } from '../../src/recheck/track-story.js';

export interface WriteDeps extends ManifestDeps {
  log: Logger;
  timings?: StageTimings;
  /** Watch rules and the alert queue; absent = no alerts. */
  alerts?: { matcher: RuleMatcher; alertQueue: Queue };
  /** Where written stories' pages as served go (WARC files); absent or null = no capture. */
  warc?: WarcSink | null;
}

export async function writeStory(
  deps: WriteDeps,
  ctx: ArticleContext,
  topics: TopicsResult,
  contentHash: string,
  rawPage: Buffer,
  related: RelatedStory | null = null,
): Promise<ArticleOutcome> {
  const { data, source, article, publishedAt } = ctx;
  const t = deps.timings;
  const seq = await assignSequence(deps.redis, deps.keys, data.storyId);
  const file = `articles/${fileNameFor(seq, data.storyId)}`;
  const text = renderArticleText(article);
  await timed(t, 'write file', () => writeArticleFile(deps.outDir, fileNameFor(seq, data.storyId), text));
  const capture = await timed(t, 'WARC capture', () => captureStory(deps, data, rawPage, { text, file }));
  const warc = capture?.pointer ?? null;

  const matchable = { title: article.title, lead: article.lead, body: article.paragraphs };
  // A rule scoped to a topic profile fires only for stories that profile wrote.
  const matches = await timed(t, 'match rules', () => matchRules(deps, matchable, topics));
  const thread = await placeInThread(deps, data.storyId, related);
  const alertJobIds =
    deps.alerts && matches.length > 0
      ? await enqueueAlerts(
          { redis: deps.redis, keys: deps.keys, alertQueue: deps.alerts.alertQueue },
          { storyId: data.storyId, title: article.title, outlet: source.name, url: data.url, publishedAt, file },
          matchable,
          matches,
          related?.kind === 'follow-up'
            ? { storyId: related.story.storyId, title: related.story.title ?? '', url: related.story.url }
            : null,
          thread,
        )
      : [];
  alertJobIds.push(
    ...(await countForSpikes(deps, matches, {
      storyId: data.storyId,
      title: article.title,
      outlet: source.name,
      url: data.url,
      publishedAt,
      fetchedAt: data.fetchedAt,
      thread: thread.root,
    })),
  );
  // Fixed once per story (a retry writes the same line); its duplicates copy it exactly.
  const writtenAt = await fixWrittenAt(deps, data.storyId);
  const relevance = topics.best;
  const outcome: ArticleOutcome = {
    outcome: 'written',
    storyId: data.storyId,
    file,
    seq,
    alertJobIds,
    ...(relevance.borderline ? { borderline: true } : {}),
    ...(related ? { related: { id: related.story.storyId, kind: related.kind } } : {}),
  };
  await timed(t, 'manifest', () =>
    manifestOnce(
      deps,
      data,
      {
        type: 'article',
        schema_version: MANIFEST_SCHEMA_VERSION,
        seq,
        file,
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
        written_at: writtenAt,
        content_hash: contentHash,
        duplicate_of: null,
        relevance: {
          profile: relevance.profile,
          verdict: relevance.verdict,
          borderline: relevance.borderline,
          score: relevance.score,
          reason: relevance.reason,
          top_terms: relevance.topTerms.map((x) => x.term),
          profiles: topics.byProfile,
        },
        matched_rules: matches.map((m) => m.rule.name),
        extraction: { fallbacks: article.fallbacks, ...(article.partial ? { partial: true as const } : {}) },
        warc,
        ...(related
          ? { related: [{ id: related.story.storyId, kind: related.kind, similarity: round2(related.jaccard) }] }
          : {}),
      },
      (m) => {
        m.del(...parkedKeys(data));
        trackWrittenStory(m, deps.keys, data, { seq, file, contentHash, article }, capture?.ref ?? null);
      },
      outcome,
    ),
  );
  return outcome;
}

/** The story's written_at, fixed by its first attempt (HSETNX), read back by every attempt. */
async function fixWrittenAt(deps: WriteDeps, storyId: string): Promise<string> {
  const res = await deps.redis
    .multi()
    .hsetnx(deps.keys.writtenAt, storyId, new Date().toISOString())
    .hget(deps.keys.writtenAt, storyId)
    .exec();
  const at = res?.[1]?.[1];
  if (typeof at !== 'string') throw new Error(`could not fix written_at of ${storyId} in Redis`);
  return at;
}
