// An edit of a written story (recheck-story.ts found its text changed): the revision's text file,
// its capture (a response referring to the previous revision's, and the text in a metadata
// record), then its edit line, once, whatever the crashes: the revision number comes from the
// revision before it, which changes only after the line is written, so a retry writes the same
// file, finds the same capture and the line it may already have appended.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceConfig } from '../../config/source-schema.js';
import { captureIdOf, captureStory } from '../../src/archive/capture-story.js';
import type { ExtractedArticle } from '../../src/extract/extract-article.js';
import type { ArticleJobData } from '../../base/queues.js';
import { partHash, type StoryRevision } from '../../src/recheck/story-revision.js';
import { diffTexts } from '../../src/recheck/text-diff.js';
import { appendManifest, readManifestTail } from '../../src/write/article-files.js';
import { renderArticleText } from '../../src/write/article-text.js';
import type { EditEntry } from '../../src/write/edit-entry.js';
import { MANIFEST_SCHEMA_VERSION, parseManifestLine } from '../../src/write/manifest-entry.js';
import { revisionFileOf, writeRevisionFile } from '../../src/write/revision-files.js';
import { fileNameFor } from '../../src/write/sequence.js';
import type { ArticleDeps } from './article-deps.js';

export interface EditInput {
  data: ArticleJobData;
  source: SourceConfig;
  article: ExtractedArticle;
  rawPage: Buffer;
  prev: StoryRevision;
  contentHash: string;
  refersTo: { recordId: string; uri: string; date: string } | undefined;
}

export async function writeEdit(deps: ArticleDeps, e: EditInput): Promise<StoryRevision> {
  const { data, article: a, prev } = e;
  const revision = prev.revision + 1;
  const file = revisionFileOf(`articles/${fileNameFor(prev.seq, data.storyId)}`, revision);
  const text = renderArticleText(a);
  writeRevisionFile(deps.outDir, file, text);
  const capture = await captureStory(
    deps,
    data,
    e.rawPage,
    { text, file },
    e.refersTo && { ...e.refersTo, revisit: false },
  );
  const before = await readFile(path.join(deps.outDir, prev.file), 'utf8').catch(() => null);
  if (before === null)
    deps.log.warn(
      { storyId: data.storyId, file: prev.file },
      'edit: the previous revision file is gone; the diff counts every word as new',
    );
  const titleChanged = a.title !== prev.title;
  const authorChanged = a.author !== prev.author;
  const entry: EditEntry = {
    type: 'edit',
    schema_version: MANIFEST_SCHEMA_VERSION,
    id: data.storyId,
    seq: prev.seq,
    revision,
    file,
    previous_file: prev.file,
    url: data.url,
    canonical_url: data.canonicalUrl,
    outlet: e.source.name,
    source_id: e.source.id,
    title: a.title,
    published_at: a.publishedAt ?? data.feedPublishedAt,
    detected_by: data.recheck?.reason ?? 'scheduled',
    fetched_at: data.fetchedAt,
    previous_fetched_at: prev.fetched_at,
    written_at: await fixedWrittenAt(deps, captureIdOf(data)),
    content_hash: e.contentHash,
    previous_content_hash: prev.content_hash,
    changed: {
      ...(titleChanged ? { title: { before: prev.title, after: a.title } } : {}),
      lead: partHash([a.lead]) !== prev.lead_hash,
      body: partHash(a.paragraphs) !== prev.body_hash,
      ...(authorChanged ? { author: { before: prev.author, after: a.author } } : {}),
    },
    diff: diffTexts(before ?? '', text),
    warc: capture?.pointer ?? null,
  };
  await appendEditOnce(deps, entry);
  return {
    revision,
    seq: prev.seq,
    file,
    fetched_at: data.fetchedAt,
    content_hash: e.contentHash,
    title: a.title,
    author: a.author,
    lead_hash: partHash([a.lead]),
    body_hash: partHash(a.paragraphs),
    capture: capture?.ref ?? prev.capture,
  };
}

/** The line's written_at, fixed by the first attempt (a retry writes the same line). */
async function fixedWrittenAt(deps: ArticleDeps, captureId: string): Promise<string> {
  const res = await deps.redis
    .multi()
    .hsetnx(deps.keys.writtenAt, captureId, new Date().toISOString())
    .hget(deps.keys.writtenAt, captureId)
    .exec();
  const at = res?.[1]?.[1];
  if (typeof at !== 'string') throw new Error(`could not fix written_at of ${captureId} in Redis`);
  return at;
}

async function appendEditOnce(deps: ArticleDeps, entry: EditEntry): Promise<void> {
  const member = `${entry.id}.r${entry.revision}`;
  if ((await deps.redis.sismember(deps.keys.editsWritten, member)) === 1) return;
  if (deps.maybeRepeated === true && (await editInTail(deps.outDir, entry))) {
    await deps.redis.sadd(deps.keys.editsWritten, member);
    return;
  }
  await appendManifest(deps.outDir, entry);
  await deps.redis.sadd(deps.keys.editsWritten, member);
}

/** Whether a whole edit line of this story and revision is among the manifest's last lines. */
async function editInTail(outDir: string, entry: EditEntry): Promise<boolean> {
  const { buf } = await readManifestTail(outDir, 1024 * 1024);
  const lines = buf.toString('utf8').split('\n');
  lines.pop();
  return lines.some((line) => {
    if (!line.includes(entry.id) || !line.includes('"edit"')) return false;
    const read = parseManifestLine(line);
    return (
      read.ok && read.entry.type === 'edit' && read.entry.id === entry.id && read.entry.revision === entry.revision
    );
  });
}
