// The manifest contract: one JSON object per line of out/manifest.jsonl, the interface with
// downstream archives. The writer builds its lines through these types and every reader parses
// them with these schemas; schemas/manifest-entry.schema.json is generated from them
// (`npm run schemas`) for archives that validate in another language. A change to the
// contract raises MANIFEST_SCHEMA_VERSION and is listed in the README's changelog.
import { z } from 'zod';

/** The contract's version, on every line. Lines written before versioning carry none: version 1. */
export const MANIFEST_SCHEMA_VERSION = 2;

const isoWithOffset = z.iso.datetime({ offset: true });
const storyId = z.string().regex(/^[0-9a-f]{16}$/);
const contentHash = z.string().regex(/^[0-9a-f]{16,64}$/);

const common = {
  schema_version: z.literal(MANIFEST_SCHEMA_VERSION),
  /** The story's stable 64-bit id (hex), from its canonical URL. */
  id: storyId,
  /** The URL the page was fetched from (after redirects). */
  url: z.url(),
  canonical_url: z.url(),
  outlet: z.string().min(1),
  source_id: z.string().min(1),
  title: z.string().min(1),
  published_at: isoWithOffset.nullable(),
  fetched_at: isoWithOffset,
  content_hash: contentHash,
};

/** Where the page as served is kept: a WARC file under out/, the byte offset of its first record. */
export const warcPointerSchema = z.strictObject({
  file: z.string().regex(/^warc\/[^/]+\.warc\.gz$/),
  offset: z.number().int().min(0),
  /** Bytes of the capture's records (request, response, metadata), from offset. */
  length: z.number().int().min(1),
  /** WARC-Record-ID of the response record. */
  record_id: z.string().regex(/^<urn:uuid:[0-9a-f-]{36}>$/),
});

/** An earlier story this one is related to but not a copy of (src/dedupe/same-story.ts). */
export const relatedStorySchema = z.strictObject({
  id: storyId.describe("The earlier story's id: its article line in this manifest."),
  kind: z
    .enum(['follow-up', 'same-event', 'same-series'])
    .describe(
      "follow-up: this story adds new facts (figures, actors, an event) in its lead to a text that is otherwise alike; same-series: the same template (a recurring column) for another day, draw or figure; same-event: another outlet's report of the same event, alike but below the copy thresholds.",
    ),
  similarity: z
    .number()
    .min(0)
    .max(1)
    .describe('Estimated Jaccard similarity of the two texts (MinHash over shingles), two decimals.'),
});

export const articleEntrySchema = z.strictObject({
  type: z.literal('article'),
  ...common,
  /** Sequence number: the NNN of the file name, growing without gaps or reuse. */
  seq: z.number().int().min(0),
  file: z.string().regex(/^articles\/\d{3,}_[0-9a-f]{16}\.txt$/),
  page_canonical: z.string().nullable(),
  author: z.string().nullable(),
  credit: z.string().nullable(),
  section: z.string().nullable(),
  written_at: isoWithOffset,
  duplicate_of: z.null(),
  relevance: z.strictObject({
    profile: z.string(),
    verdict: z.enum(['on', 'borderline', 'off']),
    borderline: z.boolean(),
    score: z.number(),
    reason: z.string(),
    top_terms: z.array(z.string()),
    profiles: z.record(z.string(), z.enum(['on', 'borderline', 'off'])),
  }),
  matched_rules: z.array(z.string()),
  extraction: z.strictObject({ fallbacks: z.array(z.string()) }),
  /** The capture of the page as served (null when WARC capture is off). */
  warc: warcPointerSchema.nullable(),
  related: z
    .array(relatedStorySchema)
    .optional()
    .describe(
      'Earlier stories this one is related to but not a copy of (absent when none): it is written and alerted as a story of its own, linked to them.',
    ),
});

export const duplicateEntrySchema = z.strictObject({
  type: z.literal('duplicate'),
  ...common,
  duplicate_of: z.strictObject({
    id: storyId,
    url: z.url(),
    outlet: z.string(),
    written_at: isoWithOffset.nullable(),
  }),
  match: z.strictObject({ kind: z.enum(['exact', 'near']), similarity: z.number(), containment: z.number() }),
});

export const manifestEntrySchema = z.discriminatedUnion('type', [articleEntrySchema, duplicateEntrySchema]);

export type ArticleEntry = z.infer<typeof articleEntrySchema>;
export type DuplicateEntry = z.infer<typeof duplicateEntrySchema>;
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type WarcPointer = z.infer<typeof warcPointerSchema>;
export type RelatedStoryRef = z.infer<typeof relatedStorySchema>;

/** What a reader gets from a line: the entry (any version, read leniently), or why not. */
export type ParsedLine = { ok: true; entry: ManifestEntryRead } | { ok: false; reason: string };

/**
 * An entry as read back: the fields every version has, typed; newer fields present when the
 * line's version has them. Readers of old manifests keep working; the writer's lines satisfy
 * the strict schema (tests check every line the demo writes).
 */
export interface ManifestEntryRead {
  schema_version: number;
  type: 'article' | 'duplicate';
  id: string;
  url?: string;
  outlet?: string;
  source_id?: string;
  title?: string;
  published_at: string | null;
  fetched_at?: string;
  seq?: number;
  file?: string;
  written_at?: string;
  matched_rules?: string[];
  duplicate_of: { id: string; url: string; outlet: string; written_at?: string | null } | null;
  warc?: WarcPointer | null;
  related?: RelatedStoryRef[];
  [key: string]: unknown;
}

const readable = z.looseObject({
  schema_version: z.number().int().min(1).optional(),
  type: z.enum(['article', 'duplicate']),
  id: z.string().min(1),
  url: z.string().optional(),
  outlet: z.string().optional(),
  published_at: z.string().nullable().optional(),
  duplicate_of: z.looseObject({ id: z.string() }).nullable().optional(),
});

/** Parses one manifest line of any version. A fragment (a write the disk cut short) is not an entry. */
export function parseManifestLine(line: string): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const res = readable.safeParse(raw);
  if (!res.success) return { ok: false, reason: res.error.issues[0]?.message ?? 'not an entry' };
  const e = res.data;
  return {
    ok: true,
    entry: {
      ...e,
      schema_version: e.schema_version ?? 1,
      published_at: e.published_at ?? null,
      duplicate_of: (e.duplicate_of as ManifestEntryRead['duplicate_of']) ?? null,
    } as ManifestEntryRead,
  };
}

/** The JSON Schema published for archives (schemas/manifest-entry.schema.json). */
export function manifestJsonSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/tinwatch/tinwatch/schemas/manifest-entry.schema.json',
    title: `tinwatch manifest entry, schema_version ${MANIFEST_SCHEMA_VERSION}`,
    description: 'One line of out/manifest.jsonl: a written article or a duplicate of one.',
    ...z.toJSONSchema(manifestEntrySchema, { target: 'draft-2020-12' }),
  };
}
