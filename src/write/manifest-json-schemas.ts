// The published JSON Schemas of the manifest contract (`npm run schemas` writes them under
// schemas/): one per kind of line, one for an `export --with-text` line, and one for any
// manifest line. Each has a relative `$id` equal to its file name, so a validator that loads the
// folder (or fetches the files from beside each other) resolves the references between them.
// Readers meet lines of every version: the schemas accept each version's shape, not only the
// current one, and say in their description what each version changed.
import { z } from 'zod';
import { editEntrySchema } from './edit-entry.js';
import {
  articleEntrySchema,
  duplicateEntrySchema,
  MANIFEST_SCHEMA_VERSION,
  relatedStorySchema,
  SCHEMA_HISTORY,
  tombstoneEntrySchema,
} from './manifest-entry.js';

type Json = Record<string, unknown>;

/** Why pruned text is missing from an export line (the line says so instead of leaving text out). */
export const TEXT_UNAVAILABLE = ['pruned', 'missing'] as const;

export const exportArticleSchema = articleEntrySchema.extend({
  text: z
    .string()
    .nullable()
    .describe("The article's text file as written (seed format); null when the file is gone (see text_unavailable)."),
  text_unavailable: z
    .enum(TEXT_UNAVAILABLE)
    .optional()
    .describe('Why text is null: pruned (retention removed it; a tombstone line says when) or missing.'),
  pruned: z
    .strictObject({
      removed_at: z.iso
        .datetime({ offset: true })
        .describe("When retention removed the text (the tombstone's removed_at)."),
      reason: z.string().describe("Why (the tombstone's reason)."),
    })
    .optional()
    .describe('Present when text_unavailable is pruned: when and why, from the tombstone line (from version 4).'),
});

const history = SCHEMA_HISTORY.map((h) => `${h.version} (${h.since}): ${h.change}`).join('; ');

const versionProperty = (versions: number[]): Json => ({
  type: 'integer',
  enum: versions,
  description: `Version of the contract the line was written under; absent on version-1 lines. History: ${history}.`,
});

/** The versions that write schema_version (version 1 lines have none). */
const allVersions = SCHEMA_HISTORY.map((h) => h.version).filter((v) => v >= 2);

function toJson(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Json;
  delete json.$schema;
  return json;
}

function published(file: string, title: string, description: string, body: Json): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: file,
    title: `${title} (tinwatch manifest, schema_version ${MANIFEST_SCHEMA_VERSION})`,
    ...body,
    description: `${description} Version history: ${history}.`,
  };
}

/**
 * An article line of any version: version 1 has no schema_version and no warc; from version 2
 * both are required.
 */
function articleOfAnyVersion(schema: z.ZodType): Json {
  const json = toJson(schema);
  const props = json.properties as Json;
  props.schema_version = versionProperty(allVersions);
  props.related = {
    type: 'array',
    items: { $ref: 'manifest-related.schema.json' },
    description: (props.related as Json).description,
  };
  json.required = (json.required as string[]).filter((k) => k !== 'schema_version' && k !== 'warc');
  // Version 1 lines carry neither; a line that names its version (2 on) has its capture pointer.
  json.dependentRequired = { schema_version: ['warc'] };
  return json;
}

function duplicateOfAnyVersion(): Json {
  const json = toJson(duplicateEntrySchema);
  (json.properties as Json).schema_version = versionProperty(allVersions);
  json.required = (json.required as string[]).filter((k) => k !== 'schema_version');
  return json;
}

/** A kind of line first written in version `since`: its schema takes that version and later ones. */
function since(schema: z.ZodType, first: number): Json {
  const json = toJson(schema);
  (json.properties as Json).schema_version = versionProperty(allVersions.filter((v) => v >= first));
  return json;
}

/** A line's `type` picks the schema that applies (so a validator names that schema's problems only). */
function byType(schemas: Record<string, string>): Json {
  return {
    type: 'object',
    required: ['type'],
    properties: { type: { enum: Object.keys(schemas), description: 'The kind of line.' } },
    allOf: Object.entries(schemas).map(([type, ref]) => ({
      if: { properties: { type: { const: type } } },
      then: { $ref: ref },
    })),
  };
}

/** Every published schema, by file name under schemas/. */
export function manifestJsonSchemas(): Record<string, Json> {
  return {
    'manifest-entry.schema.json': published(
      'manifest-entry.schema.json',
      'Manifest line',
      'One line of out/manifest.jsonl, of any kind: its type names the schema that applies.',
      byType({
        article: 'manifest-article.schema.json',
        duplicate: 'manifest-duplicate.schema.json',
        tombstone: 'manifest-tombstone.schema.json',
        edit: 'manifest-edit.schema.json',
      }),
    ),
    'manifest-article.schema.json': published(
      'manifest-article.schema.json',
      'Article line',
      'A written story: its text file, where its page as served is kept, and why it was judged on topic.',
      articleOfAnyVersion(articleEntrySchema),
    ),
    'manifest-duplicate.schema.json': published(
      'manifest-duplicate.schema.json',
      'Duplicate line',
      'A copy of a story already written (a republication): no file, a pointer to the original, whose line comes first.',
      duplicateOfAnyVersion(),
    ),
    'manifest-related.schema.json': published(
      'manifest-related.schema.json',
      'Related story',
      "One item of an article line's related array: a story related to it that is not a copy.",
      toJson(relatedStorySchema),
    ),
    'manifest-tombstone.schema.json': published(
      'manifest-tombstone.schema.json',
      'Tombstone line',
      "Retention removed a story's text and/or WARC capture: what, when and why. The story's earlier lines stay.",
      since(tombstoneEntrySchema, 3),
    ),
    'manifest-edit.schema.json': published(
      'manifest-edit.schema.json',
      'Edit line',
      "A written story's page changed when fetched again: which revision, what changed (a word diff), the revision's text file and its WARC capture. It follows the story's article line.",
      since(editEntrySchema, 4),
    ),
    'export-line.schema.json': published(
      'export-line.schema.json',
      'Export line',
      'One line of `tinwatch export --with-text`: an article line with its text (or why the text is gone), or a duplicate, tombstone or edit line as written.',
      byType({
        article: 'export-article.schema.json',
        duplicate: 'manifest-duplicate.schema.json',
        tombstone: 'manifest-tombstone.schema.json',
        edit: 'manifest-edit.schema.json',
      }),
    ),
    'export-article.schema.json': published(
      'export-article.schema.json',
      'Export article line with text',
      'An article line as `tinwatch export --with-text` prints it: the manifest line plus its text.',
      articleOfAnyVersion(exportArticleSchema),
    ),
  };
}
