// `tinwatch export --since SEQ|DATE [--format jsonl|csv] [--with-text] [--follow]`: the manifest
// entries an archive has not pulled yet, in the order they were written.
// - `--since SEQ`: every entry after the line of article SEQ (the seq of the last article line a
//   pull returned, printed as the next cursor). Lines are in append order, and concurrent workers
//   may append seq 9 after seq 10: a cursor on the line, not on the number, misses neither.
// - `--since DATE`: entries written (articles) or fetched (duplicates) at or after that time.
// - `--follow`: then waits for new lines and prints each as it lands, until stopped.
// Damaged lines (a fragment a full disk left) are skipped with one line on stderr.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { manifestPath } from '../write/article-files.js';
import { parseManifestLine, type ManifestEntryRead } from '../write/manifest-entry.js';
import { linesFrom } from './manifest-cursor.js';
import { DAY_PATTERN } from '../text/vietnam-time.js';

export type ExportCursor = { kind: 'start' } | { kind: 'seq'; seq: number } | { kind: 'date'; at: number };

export interface ExportOptions {
  since: ExportCursor;
  format: 'jsonl' | 'csv';
  withText: boolean;
}

interface Output {
  write(text: string): unknown;
}

/** Reads `--since`: a whole number is a seq, anything else must be an ISO 8601 date or time. */
export function parseCursor(raw: string | undefined): ExportCursor | { error: string } {
  if (raw === undefined) return { kind: 'start' };
  if (/^\d+$/.test(raw)) return { kind: 'seq', seq: Number(raw) };
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) {
    // A date alone is the start of that day in Vietnam, where the outlets publish.
    const at = Date.parse(DAY_PATTERN.test(raw) ? `${raw}T00:00:00+07:00` : raw);
    if (Number.isFinite(at)) return { kind: 'date', at };
  }
  return {
    error: `--since ${JSON.stringify(raw)}: give an article seq (e.g. 120) or an ISO date/time (e.g. 2026-08-20)`,
  };
}

const CSV_COLUMNS = [
  'type',
  'seq',
  'id',
  'file',
  'url',
  'outlet',
  'source_id',
  'title',
  'published_at',
  'fetched_at',
  'written_at',
  'duplicate_of',
  'matched_rules',
  'warc_file',
  'warc_offset',
] as const;

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function csvRow(e: ManifestEntryRead, text: string | null, withText: boolean): string {
  const cells: unknown[] = [
    e.type,
    e.seq,
    e.id,
    e.file,
    e.url,
    e.outlet,
    e.source_id,
    e.title,
    e.published_at,
    e.fetched_at,
    e.written_at,
    e.duplicate_of?.id,
    e.matched_rules?.join('|'),
    e.warc?.file,
    e.warc?.offset,
  ];
  if (withText) cells.push(text);
  return `${cells.map(csvField).join(',')}\r\n`;
}

export class ManifestExport {
  private passedCursor: boolean;
  /** Seq of the last article line printed: the cursor of the next pull. */
  lastSeq: number | null = null;
  printed = 0;
  private offset = 0;

  constructor(
    private readonly outDir: string,
    private readonly opts: ExportOptions,
    private readonly out: Output,
    private readonly err: Output,
  ) {
    this.passedCursor = opts.since.kind !== 'seq';
    if (opts.since.kind === 'seq') this.lastSeq = opts.since.seq;
  }

  header(): void {
    if (this.opts.format === 'csv')
      this.out.write(`${[...CSV_COLUMNS, ...(this.opts.withText ? ['text'] : [])].join(',')}\r\n`);
  }

  /** Prints every complete line past the last one read; returns how many it printed. */
  async drain(): Promise<number> {
    let n = 0;
    for await (const { line, end } of linesFrom(manifestPath(this.outDir), this.offset)) {
      this.offset = end;
      if (!line.trim()) continue;
      const read = parseManifestLine(line);
      if (!read.ok) {
        this.err.write(`tinwatch export: skipped a damaged manifest line ending at byte ${end} (${read.reason})\n`);
        continue;
      }
      const e = read.entry;
      if (!this.passedCursor) {
        // The cursor's own line is the last one already pulled.
        if (e.type === 'article' && e.seq === (this.opts.since as { seq: number }).seq) this.passedCursor = true;
        continue;
      }
      if (this.opts.since.kind === 'date') {
        const at = Date.parse(String(e.type === 'article' ? e.written_at : e.fetched_at));
        if (!(at >= this.opts.since.at)) continue;
      }
      await this.print(e, line);
      n++;
    }
    this.printed += n;
    return n;
  }

  /** Whether a seq cursor was found (a cursor past the end of the manifest finds nothing). */
  get cursorFound(): boolean {
    return this.passedCursor;
  }

  private async print(e: ManifestEntryRead, line: string): Promise<void> {
    const text = this.opts.withText && e.type === 'article' && e.file ? await this.textOf(e.file) : null;
    if (this.opts.format === 'csv') this.out.write(csvRow(e, text, this.opts.withText));
    else if (this.opts.withText && e.type === 'article') {
      // The line as written (no defaults a reader would add) and its text, or why there is none:
      // export-article.schema.json.
      const withText = {
        ...(JSON.parse(line) as object),
        text,
        ...(text === null ? { text_unavailable: 'missing' } : {}),
      };
      this.out.write(`${JSON.stringify(withText)}\n`);
    } else this.out.write(`${line}\n`);
    if (e.type === 'article' && typeof e.seq === 'number') this.lastSeq = e.seq;
  }

  private async textOf(file: string): Promise<string | null> {
    try {
      return await readFile(path.join(this.outDir, file), 'utf8');
    } catch {
      this.err.write(`tinwatch export: ${file} is listed but missing from ${this.outDir}\n`);
      return null;
    }
  }
}
