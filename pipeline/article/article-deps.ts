// What the article job is given: the writers' dependencies and the few the job itself reads. Its
// own file so the job's parts (recheck, edits) take the type without importing the job.
import type { SourceConfig } from '../../config/source-schema.js';
import type { ExtractField } from '../../src/extract/extract-article.js';
import type { WriteDeps } from './write-story.js';

export interface ArticleDeps extends WriteDeps {
  sourceById(id: string): SourceConfig;
  /** Told of every extracted article, with the fields that needed a generic fallback (a selector missed). */
  onExtracted?: (fallbacks: ExtractField[], matched: unknown) => Promise<void> | void;
  /** Dedupe index settings (env TINWATCH_DEDUPE_*); defaults from config/dedupe.ts. */
  dedupe?: { bucketBits: number; retentionDays: number };
}
