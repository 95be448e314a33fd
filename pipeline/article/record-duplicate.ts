// A copy of a story already written (the same text, or a near copy: a republication): no file;
// a manifest line pointing at the original, and this outlet added to the story's carriers. It
// joins the original's thread: one more outlet in the update of a per-thread rule that alerted
// on the thread, one more match for a spike rule.
import { captureStory, type WarcSink } from '../../src/archive/capture-story.js';
import type { DedupeVerdict } from '../../src/dedupe/dedupe-index.js';
import type { Logger } from '../../base/logger.js';
import { carrierMember } from '../../src/dedupe/story-carriers.js';
import type { ArticleOutcome } from '../../base/queues.js';
import { MANIFEST_SCHEMA_VERSION } from '../../src/write/manifest-entry.js';
import { round2, type ArticleContext } from './article-context.js';
import { awaitOriginal, type AwaitOriginalOptions } from './await-original.js';
import { parkedKeys } from './job-state.js';
import { manifestOnce, type ManifestDeps } from './manifest-once.js';
import { copyJoinsThreads } from '../../src/alert/thread-alerts.js';
import type { TopicsResult } from '../../src/relevance/classify-topics.js';
import { countForSpikes, matchRules, placeCopyInThread, type StoryAlertDeps } from './story-alerts.js';

export async function recordDuplicate(
  deps: ManifestDeps & StoryAlertDeps & { log: Logger; warc?: WarcSink | null; awaitOriginal?: AwaitOriginalOptions },
  { data, source, article, publishedAt }: ArticleContext,
  verdict: Extract<DedupeVerdict, { kind: 'exact' | 'near' }>,
  contentHash: string,
  rawPage: Buffer,
  topics: TopicsResult | null = null,
): Promise<ArticleOutcome> {
  const owner = verdict.owner;
  const outcome: ArticleOutcome = { outcome: 'duplicate', storyId: data.storyId, duplicateOf: owner.storyId };
  const similarity = round2(verdict.jaccard);
  const containment = round2(verdict.containment);
  // The original's line first, and its written_at exactly (the index keeps it to the second).
  const writtenAt = (await awaitOriginal(deps, owner.storyId, deps.awaitOriginal)) ?? owner.writtenAt;
  const warc = (await captureStory(deps, data, rawPage, { duplicateOf: owner.storyId }))?.pointer ?? null;
  await copyAlerts(deps, { data, source, article, publishedAt }, owner.storyId, topics);
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
      content_hash: contentHash,
      duplicate_of: { id: owner.storyId, url: owner.url, outlet: owner.outlet, written_at: writtenAt },
      match: { kind: verdict.kind, similarity, containment },
      warc,
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
            similarity,
            containment,
          }),
        )
        .del(...parkedKeys(data)),
    outcome,
  );
  return outcome;
}

async function copyAlerts(
  deps: StoryAlertDeps,
  { data, source, article, publishedAt }: Pick<ArticleContext, 'data' | 'source' | 'article' | 'publishedAt'>,
  original: string,
  topics: TopicsResult | null,
): Promise<void> {
  const root = await placeCopyInThread(deps, data.storyId, original);
  if (!deps.alerts) return;
  const matches = matchRules(deps, { title: article.title, lead: article.lead, body: article.paragraphs }, topics);
  if (matches.length === 0) return;
  const copy = { storyId: data.storyId, title: article.title, outlet: source.name, url: data.url, publishedAt };
  await copyJoinsThreads(
    { redis: deps.redis, keys: deps.keys, alertQueue: deps.alerts.alertQueue },
    matches.map((m) => m.rule),
    root,
    { ...copy, role: 'copy' },
  );
  await countForSpikes(deps, matches, { ...copy, fetchedAt: data.fetchedAt, thread: root });
}
