// A new story: its text file (NNN_<id>.txt), its page as served in the WARC files, its alerts
// queued, then its manifest line — the line marks the story done, so a crash before it retries
// the job and re-queues the same (idempotent) alert jobs.
import type { Queue } from 'bullmq';
import { enqueueAlerts } from '../alert/enqueue-alerts.js';
import { captureStory, type WarcSink } from '../archive/capture-story.js';
import type { Logger } from '../logger.js';
import type { RuleMatcher } from '../match/rule-matcher.js';
import type { ArticleOutcome } from '../queues.js';
import type { TopicsResult } from '../relevance/classify-topics.js';
import { timed, type StageTimings } from '../stats/stage-timings.js';
import { writeArticleFile } from '../write/article-files.js';
import { renderArticleText } from '../write/article-text.js';
import { MANIFEST_SCHEMA_VERSION } from '../write/manifest-entry.js';
import { assignSequence, fileNameFor } from '../write/sequence.js';
import type { ArticleContext } from './article-context.js';
import { parkedKeys } from './job-state.js';
import { manifestOnce, type ManifestDeps } from './manifest-once.js';

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
): Promise<ArticleOutcome> {
  const { data, source, article, publishedAt } = ctx;
  const t = deps.timings;
  const seq = await assignSequence(deps.redis, deps.keys, data.storyId);
  const file = `articles/${fileNameFor(seq, data.storyId)}`;
  const text = renderArticleText(article);
  await timed(t, 'write file', () => writeArticleFile(deps.outDir, fileNameFor(seq, data.storyId), text));
  const warc = await timed(t, 'WARC capture', () => captureStory(deps, data, rawPage, { text, file }));

  const matchable = { title: article.title, lead: article.lead, body: article.paragraphs };
  // A rule scoped to a topic profile fires only for stories that profile wrote.
  const matches = await timed(t, 'match rules', () =>
    (deps.alerts?.matcher.match(matchable) ?? []).filter((m) => !m.rule.profile || topics.matched.has(m.rule.profile)),
  );
  const alertJobIds =
    deps.alerts && matches.length > 0
      ? await enqueueAlerts(
          { redis: deps.redis, keys: deps.keys, alertQueue: deps.alerts.alertQueue },
          { storyId: data.storyId, title: article.title, outlet: source.name, url: data.url, publishedAt, file },
          matchable,
          matches,
        )
      : [];
  const relevance = topics.best;
  const outcome: ArticleOutcome = {
    outcome: 'written',
    storyId: data.storyId,
    file,
    seq,
    alertJobIds,
    ...(relevance.borderline ? { borderline: true } : {}),
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
        written_at: new Date().toISOString(),
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
        extraction: { fallbacks: article.fallbacks },
        warc,
      },
      (m) => m.del(...parkedKeys(data)),
      outcome,
    ),
  );
  return outcome;
}
