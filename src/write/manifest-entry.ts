// The manifest contract: one JSON object per line of out/manifest.jsonl, the interface with
// downstream archives. The writer builds its lines through these types and every reader parses
// them with these schemas; the JSON Schemas under schemas/ are generated from them
// (manifest-json-schemas.ts, `npm run schemas`) for archives that validate in another language.
// A change to the contract raises MANIFEST_SCHEMA_VERSION and is listed in SCHEMA_HISTORY.
import { z } from 'zod';

/** The contract's version, on every line. Lines written before versioning carry none: version 1. */
export const MANIFEST_SCHEMA_VERSION = 4;

/** Every version of the contract, oldest first: what each changed (published in every schema). */
export const SCHEMA_HISTORY: readonly { version: number; since: string; change: string }[] = [
  { version: 1, since: 'first release', change: 'article and duplicate lines; no schema_version field' },
  {
    version: 2,
    since: '2026-11-27',
    change: 'schema_version on every line; warc on article lines (where the page as served is kept, or null)',
  },
  {
    version: 3,
    since: '2026-12-07',
    change:
      "tombstone lines (what retention removed, when, why); warc on duplicate lines (their pages are captured too); a duplicate's line always follows its original's, and its duplicate_of.written_at is the original's written_at exactly; WARC responses are kept as received (content coding kept)",
  },
  {
    version: 4,
    since: '2026-12-07',
    change:
      "edit lines (a written story's page changed when fetched again: what changed, a word diff, the revision's file and capture); retention removing a revision's file or capture writes a tombstone of its own (removed.text names the revision file); an unchanged page fetched again is a WARC revisit record, with no line",
  },
];

const isoWithOffset = z.iso.datetime({ offset: true });
const storyId = z.string().regex(/^[0-9a-f]{16}$/);
const contentHash = z.string().regex(/^[0-9a-f]{16,64}$/);
const d = <T extends z.ZodType>(schema: T, description: string): T => schema.describe(description);

const common = {
  schema_version: d(z.literal(MANIFEST_SCHEMA_VERSION), 'Version of this contract the line was written under.'),
  id: d(storyId, "The story's stable 64-bit id (16 hex digits), derived from its canonical URL."),
  url: d(z.url(), 'The URL the page was fetched from (after redirects), as the outlet serves it.'),
  canonical_url: d(
    z.url(),
    "The page's URL canonicalized by tinwatch (scheme/host case, www., AMP, tracking parameters).",
  ),
  outlet: d(z.string().min(1), "The outlet's name as the dashboard shows it."),
  source_id: d(z.string().min(1), 'The source configuration the page came through (config/sources/<id>.yaml).'),
  title: d(z.string().min(1), 'The headline as extracted (NFC).'),
  published_at: d(
    isoWithOffset.nullable(),
    'When the outlet says it published, ISO 8601 with offset; null when unknown.',
  ),
  fetched_at: d(isoWithOffset, 'When tinwatch fetched the page (UTC).'),
  content_hash: d(contentHash, 'Hash of the normalized lead and body (hex): equal texts, equal hashes.'),
};

/** Where the page as served is kept: a WARC file under out/, the byte offset of its first record. */
export const warcPointerSchema = d(
  z.strictObject({
    file: d(z.string().regex(/^warc\/[^/]+\.warc\.gz$/), 'The WARC file, relative to the output folder.'),
    offset: d(z.number().int().min(0), "Byte offset of the capture's first record (a gzip member)."),
    length: d(
      z.number().int().min(1),
      "Bytes of the capture's records from offset: request, response and (for an article) metadata.",
    ),
    record_id: d(z.string().regex(/^<urn:uuid:[0-9a-f-]{36}>$/), 'WARC-Record-ID of the response record.'),
  }),
  'Where the page as served is kept in a WARC file.',
);

const verdict = z.enum(['on', 'borderline', 'off']);

/** An earlier story this one is related to but not a copy of (src/dedupe/same-story.ts). */
export const relatedStorySchema = d(
  z.strictObject({
    id: d(storyId, "The earlier story's id: its article line in this manifest."),
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
  }),
  'An earlier story this one is related to but not a copy of.',
);

export const articleEntrySchema = z.strictObject({
  type: d(z.literal('article'), 'A written story: a text file under articles/.'),
  ...common,
  seq: d(z.number().int().min(0), 'Sequence number: the NNN of the file name, growing without gaps or reuse.'),
  file: d(z.string().regex(/^articles\/\d{3,}_[0-9a-f]{16}\.txt$/), 'The text file, relative to the output folder.'),
  page_canonical: d(z.string().nullable(), 'The rel=canonical the page itself states, as written there.'),
  author: d(z.string().nullable(), 'The byline, when the page names one.'),
  credit: d(
    z.string().nullable(),
    'The credit as the outlet prints it (e.g. a wire agency), the last line of the text.',
  ),
  section: d(z.string().nullable(), "The outlet's section, when the page names one."),
  written_at: d(isoWithOffset, "When the story's line was written (UTC, milliseconds)."),
  duplicate_of: d(z.null(), 'Always null on an article line (it is the original).'),
  relevance: d(
    z.strictObject({
      profile: d(z.string(), 'The topic profile that decided.'),
      verdict: d(verdict, "That profile's verdict."),
      borderline: d(z.boolean(), 'Just under the threshold: written and flagged for a person to mark.'),
      score: d(z.number(), 'The weighted relation score.'),
      reason: d(z.string(), 'The decision in words.'),
      top_terms: d(z.array(z.string()), 'The strongest cues found.'),
      profiles: d(z.record(z.string(), verdict), "Every enabled profile's verdict."),
    }),
    'Why the story was judged on topic.',
  ),
  matched_rules: d(z.array(z.string()), 'Watch rules the story matched (alerts were queued for them).'),
  extraction: d(
    z.strictObject({
      fallbacks: d(z.array(z.string()), "Fields the source's selectors missed and the generic extractor read."),
      partial: d(
        z.literal(true).optional(),
        'Present (true) when the body was not found: the file holds the title, the lead and what was found.',
      ),
    }),
    'How the text was extracted.',
  ),
  related: d(
    z.array(relatedStorySchema).optional(),
    'Earlier stories this one is related to but not a copy of (absent when none): it is written and alerted as a story of its own, linked to them.',
  ),
  warc: d(warcPointerSchema.nullable(), 'The capture of the page as served (null when WARC capture is off).'),
});

export const duplicateEntrySchema = z.strictObject({
  type: d(z.literal('duplicate'), 'A copy of a story already written: no file of its own.'),
  ...common,
  duplicate_of: d(
    z.strictObject({
      id: d(storyId, "The original story's id."),
      url: d(z.url(), "The original's URL."),
      outlet: d(z.string(), "The original's outlet."),
      written_at: d(isoWithOffset.nullable(), "The original's written_at, exactly (null when unknown)."),
    }),
    'The story this page is a copy of; its line comes earlier in the manifest.',
  ),
  match: d(
    z.strictObject({
      kind: d(z.enum(['exact', 'near']), 'exact: the same normalized text; near: a republication, edited.'),
      similarity: d(z.number(), 'Estimated Jaccard similarity of the two texts (0 to 1).'),
      containment: d(z.number(), 'Share of the smaller text inside the larger (0 to 1).'),
    }),
    'How the copy was recognized.',
  ),
  warc: d(
    warcPointerSchema.nullable().optional(),
    "The capture of this copy's page as served (request and response records; from version 3; null when capture is off).",
  ),
});

export const tombstoneEntrySchema = z.strictObject({
  type: d(z.literal('tombstone'), "Retention removed a story's files; its earlier lines stay as the record."),
  schema_version: common.schema_version,
  id: d(storyId, 'The story whose files were removed.'),
  seq: d(z.number().int().min(0).nullable(), "The article line's seq (null when unknown)."),
  removed_at: d(isoWithOffset, 'When they were removed (UTC).'),
  reason: d(z.string().min(1), 'Why, in words (e.g. "text retention 30 days").'),
  removed: d(
    z.strictObject({
      text: d(
        z.string().nullable(),
        "The text file removed, relative to the output folder (a revision's file under articles/revisions/ from version 4), or null.",
      ),
      warc: d(z.string().nullable(), 'The WARC file removed that held its capture, or null.'),
      bytes: d(z.number().int().min(0), 'Bytes freed by this story (a WARC file counted once, on its first story).'),
    }),
    'What was removed.',
  ),
});

export type ArticleEntry = z.infer<typeof articleEntrySchema>;
export type DuplicateEntry = z.infer<typeof duplicateEntrySchema>;
export type TombstoneEntry = z.infer<typeof tombstoneEntrySchema>;
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
  type: 'article' | 'duplicate' | 'tombstone' | 'edit';
  id: string;
  url?: string;
  outlet?: string;
  source_id?: string;
  title?: string;
  published_at: string | null;
  fetched_at?: string;
  seq?: number | null;
  file?: string;
  written_at?: string;
  matched_rules?: string[];
  duplicate_of: { id: string; url: string; outlet: string; written_at?: string | null } | null;
  warc?: WarcPointer | null;
  removed?: { text: string | null; warc: string | null; bytes: number };
  revision?: number;
  related?: RelatedStoryRef[];
  [key: string]: unknown;
}

const readable = z.looseObject({
  schema_version: z.number().int().min(1).optional(),
  type: z.enum(['article', 'duplicate', 'tombstone', 'edit']),
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
