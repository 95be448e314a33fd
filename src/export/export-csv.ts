// `tinwatch export --format csv`: every field of the JSONL lines except the text (which only
// `--with-text` adds, as the last column), one column per leaf field, RFC 4180. Each column holds
// one kind of value: integers are written as integers (never `7.0`), booleans as true/false, lists
// joined by `|`, and a field a line does not have is an empty cell. A reader that types columns
// strictly must allow empty integer cells (a duplicate has no seq): pandas reads them with
// `dtype={"seq": "Int64", ...}` or `dtype_backend="numpy_nullable"`.
import type { ManifestEntryRead } from '../write/manifest-entry.js';

/** An article's text, or why it is not there (and, when pruned, when and why from its tombstone). */
export interface ArticleTextOrWhy {
  text: string | null;
  unavailable: 'pruned' | 'missing' | null;
  pruned?: { removed_at: string; reason: string };
}

type Cell = string | number | boolean | null | undefined;
type Getter = (e: Record<string, unknown>) => Cell;

const at =
  (...keys: string[]): Getter =>
  (e) => {
    let v: unknown = e;
    for (const k of keys) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? JSON.stringify(x) : String(x))).join('|');
    return v === null || typeof v === 'object' ? (v === null ? null : JSON.stringify(v)) : (v as Cell);
  };

/** Column name → the value of a line. Order: identity, the page, the story, relevance, the capture, tombstones, edits. */
export const CSV_COLUMNS: readonly (readonly [string, Getter])[] = [
  ['type', at('type')],
  ['schema_version', (e) => (e.schema_version as number | undefined) ?? 1],
  ['seq', at('seq')],
  ['id', at('id')],
  ['file', at('file')],
  ['url', at('url')],
  ['canonical_url', at('canonical_url')],
  ['page_canonical', at('page_canonical')],
  ['outlet', at('outlet')],
  ['source_id', at('source_id')],
  ['title', at('title')],
  ['published_at', at('published_at')],
  ['author', at('author')],
  ['credit', at('credit')],
  ['section', at('section')],
  ['fetched_at', at('fetched_at')],
  ['written_at', at('written_at')],
  ['content_hash', at('content_hash')],
  ['duplicate_of', at('duplicate_of', 'id')],
  ['duplicate_of_url', at('duplicate_of', 'url')],
  ['duplicate_of_outlet', at('duplicate_of', 'outlet')],
  ['duplicate_of_written_at', at('duplicate_of', 'written_at')],
  ['match_kind', at('match', 'kind')],
  ['match_similarity', at('match', 'similarity')],
  ['match_containment', at('match', 'containment')],
  ['relevance_profile', at('relevance', 'profile')],
  ['relevance_verdict', at('relevance', 'verdict')],
  ['relevance_borderline', at('relevance', 'borderline')],
  ['relevance_score', at('relevance', 'score')],
  ['relevance_reason', at('relevance', 'reason')],
  ['relevance_top_terms', at('relevance', 'top_terms')],
  ['relevance_profiles', at('relevance', 'profiles')],
  ['matched_rules', at('matched_rules')],
  ['extraction_fallbacks', at('extraction', 'fallbacks')],
  ['extraction_partial', at('extraction', 'partial')],
  ['related', at('related')],
  ['warc_file', at('warc', 'file')],
  ['warc_offset', at('warc', 'offset')],
  ['warc_length', at('warc', 'length')],
  ['warc_record_id', at('warc', 'record_id')],
  ['removed_at', at('removed_at')],
  ['reason', at('reason')],
  ['removed_text', at('removed', 'text')],
  ['removed_warc', at('removed', 'warc')],
  ['removed_bytes', at('removed', 'bytes')],
  ['revision', at('revision')],
  ['previous_file', at('previous_file')],
  ['detected_by', at('detected_by')],
  ['previous_fetched_at', at('previous_fetched_at')],
  ['previous_content_hash', at('previous_content_hash')],
  ['changed_title_before', at('changed', 'title', 'before')],
  ['changed_title_after', at('changed', 'title', 'after')],
  ['changed_lead', at('changed', 'lead')],
  ['changed_body', at('changed', 'body')],
  ['changed_author_before', at('changed', 'author', 'before')],
  ['changed_author_after', at('changed', 'author', 'after')],
  ['diff_words_added', at('diff', 'words_added')],
  ['diff_words_removed', at('diff', 'words_removed')],
  ['diff_paragraphs_added', at('diff', 'paragraphs_added')],
  ['diff_paragraphs_removed', at('diff', 'paragraphs_removed')],
  ['diff_paragraphs_changed', at('diff', 'paragraphs_changed')],
  ['diff_examples', at('diff', 'examples')],
  ['diff_summary', at('diff', 'summary')],
];

/** With --with-text, after every other column: the text, and why and when it is gone. */
const TEXT_COLUMNS = ['text', 'text_unavailable', 'text_pruned_at', 'text_pruned_reason'];

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: Cell): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvHeader(withText: boolean): string {
  return `${[...CSV_COLUMNS.map(([name]) => name), ...(withText ? TEXT_COLUMNS : [])].join(',')}\r\n`;
}

/** One line as a CSV row; with text, the text (or empty) and why it is missing. */
export function csvRow(raw: Record<string, unknown> | ManifestEntryRead, text: ArticleTextOrWhy | null): string {
  const cells: Cell[] = CSV_COLUMNS.map(([, get]) => get(raw as Record<string, unknown>));
  if (text) cells.push(text.text, text.unavailable, text.pruned?.removed_at, text.pruned?.reason);
  return `${cells.map(csvField).join(',')}\r\n`;
}
