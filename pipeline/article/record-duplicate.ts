// A copy of a story already written (the same text, or a near copy: a republication): no file;
// a manifest line pointing at the original, and this outlet added to the story's carriers.
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

export async function recordDuplicate(
  deps: ManifestDeps & { log: Logger; warc?: WarcSink | null; awaitOriginal?: AwaitOriginalOptions },
  { data, source, article, publishedAt }: ArticleContext,
  verdict: Extract<DedupeVerdict, { kind: 'exact' | 'near' }>,
  contentHash: string,
  rawPage: Buffer,
): Promise<ArticleOutcome> {
  const owner = verdict.owner;
  const outcome: ArticleOutcome = { outcome: 'duplicate', storyId: data.storyId, duplicateOf: owner.storyId };
  const similarity = round2(verdict.jaccard);
  const containment = round2(verdict.containment);
  // The original's line first, and its written_at exactly (the index keeps it to the second).
  const writtenAt = (await awaitOriginal(deps, owner.storyId, deps.awaitOriginal)) ?? owner.writtenAt;
  const warc = await captureStory(deps, data, rawPage, { duplicateOf: owner.storyId });
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
