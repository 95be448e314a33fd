// The edit line (schema_version 4): a written story's page fetched again (a feed listed it again
// with a newer date, or the re-check policy's turn: src/recheck/) reads differently from the
// revision before it. The story's first file stays as written (the article line's hash stays
// true); each revision's text is a file of its own under articles/revisions/ and the metadata
// record of its WARC capture, whose response refers to the earlier one (WARC-Refers-To). The
// line follows the story's article line and its earlier edit lines.
import { z } from 'zod';
import { MANIFEST_SCHEMA_VERSION, warcPointerSchema } from './manifest-entry.js';

const isoWithOffset = z.iso.datetime({ offset: true });
const d = <T extends z.ZodType>(schema: T, description: string): T => schema.describe(description);

export const REVISION_FILE = /^articles\/revisions\/\d{3,}_[0-9a-f]{16}\.r\d+\.txt$/;

const fieldChange = (what: string) =>
  d(
    z.strictObject({
      before: d(z.string().nullable(), `The ${what} of the previous revision (null when it had none).`),
      after: d(z.string().nullable(), `The ${what} now (null when it has none).`),
    }),
    `The ${what}, before and after; absent when it did not change.`,
  ).optional();

export const editEntrySchema = z.strictObject({
  type: d(z.literal('edit'), "A written story's page changed since its previous revision."),
  schema_version: d(z.literal(MANIFEST_SCHEMA_VERSION), 'Version of this contract the line was written under.'),
  id: d(z.string().regex(/^[0-9a-f]{16}$/), "The story's id: its article line comes earlier in the manifest."),
  seq: d(z.number().int().min(0), "The article line's seq (the NNN of its files)."),
  revision: d(z.number().int().min(2), 'This revision of the story: the article line is revision 1.'),
  file: d(z.string().regex(REVISION_FILE), "This revision's text (seed format), relative to the output folder."),
  previous_file: d(
    z.string().regex(/^articles\/(?:revisions\/)?\d{3,}_[0-9a-f]{16}(?:\.r\d+)?\.txt$/),
    "The previous revision's text file: the article line's file for revision 2.",
  ),
  url: d(z.url(), 'The URL the page was fetched from this time (after redirects).'),
  canonical_url: d(z.url(), "The story's canonical URL (as on its article line)."),
  outlet: d(z.string().min(1), "The outlet's name."),
  source_id: d(z.string().min(1), 'The source configuration the page came through.'),
  title: d(z.string().min(1), 'The headline now.'),
  published_at: d(isoWithOffset.nullable(), 'When the outlet now says it published (null when unknown).'),
  detected_by: d(
    z.enum(['relisted', 'scheduled']),
    "Why the page was fetched again: relisted (a feed listed it again with a newer date) or scheduled (the re-check policy's turn).",
  ),
  fetched_at: d(isoWithOffset, 'When the changed page was fetched (UTC).'),
  previous_fetched_at: d(isoWithOffset, 'When the previous revision was fetched (UTC).'),
  written_at: d(isoWithOffset, 'When this line was written (UTC, milliseconds).'),
  content_hash: d(z.string().regex(/^[0-9a-f]{16,64}$/), 'Hash of the normalized lead and body now.'),
  previous_content_hash: d(z.string().regex(/^[0-9a-f]{16,64}$/), "The previous revision's content_hash."),
  changed: d(
    z.strictObject({
      title: fieldChange('headline'),
      lead: d(z.boolean(), 'Whether the lead (sapo) changed.'),
      body: d(z.boolean(), 'Whether the body paragraphs changed.'),
      author: fieldChange('byline'),
    }),
    'Which parts of the story changed.',
  ),
  diff: d(
    z.strictObject({
      words_added: d(z.number().int().min(0), 'Words the new text has that the previous did not, at their place.'),
      words_removed: d(z.number().int().min(0), 'Words of the previous text gone from the new one.'),
      paragraphs_added: d(z.number().int().min(0), 'Paragraphs added.'),
      paragraphs_removed: d(z.number().int().min(0), 'Paragraphs removed.'),
      paragraphs_changed: d(z.number().int().min(0), 'Paragraphs edited in place.'),
      examples: d(
        z.array(
          z.strictObject({
            before: d(z.string(), 'The words before (empty when added), cut to 80 characters.'),
            after: d(z.string(), 'The words after (empty when removed), cut to 80 characters.'),
          }),
        ),
        'Up to three changed phrases, in text order.',
      ),
      summary: d(z.string(), 'The change in words, e.g. "+3 −2 words; 1 paragraph changed".'),
    }),
    'A word diff of the two revisions (title, lead, body, credit).',
  ),
  warc: d(
    warcPointerSchema.nullable(),
    "The changed page's capture: its response carries WARC-Refers-To the previous revision's response (null when capture is off).",
  ),
});

export type EditEntry = z.infer<typeof editEntrySchema>;
