// `tinwatch export --since SEQ|DATE [--format jsonl|csv] [--with-text] [--follow]`: the manifest
// entries an archive has not pulled yet, in the order they were written.
// - `--since SEQ`: every entry after the line of article SEQ (the seq of the last article line a
//   pull returned, printed as the next cursor). Lines are in append order, and concurrent workers
//   may append seq 9 after seq 10: a cursor on the line, not on the number, misses neither.
//   `--since SEQ+N`: after that line and the N entries (duplicates) that follow it — the cursor
//   printed when a pull ended on duplicates, so the next pull does not send them again.
// - `--since DATE`: entries written (articles) or fetched (duplicates) at or after that time.
// - `--follow`: then waits for new lines and prints each as it lands, until stopped. It holds a
//   position, not a byte offset (manifest-position.ts): a repair, truncation or rotation of the
//   manifest neither loses nor repeats a line.
// Damaged lines (a fragment a full disk left) are skipped with one line on stderr.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { manifestPath } from '../write/article-files.js';
import { parseManifestLine, type ManifestEntryRead } from '../write/manifest-entry.js';
import { linesOf } from './manifest-cursor.js';
import { advance, cursorOf, locate, START, stillAt, type ManifestPosition } from './manifest-position.js';
import { DAY_PATTERN } from '../text/vietnam-time.js';

export type ExportCursor =
  { kind: 'start' } | { kind: 'seq'; seq: number; after: number } | { kind: 'date'; at: number };

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
  const seq = /^(\d+)(?:\+(\d+))?$/.exec(raw);
  if (seq) return { kind: 'seq', seq: Number(seq[1]), after: Number(seq[2] ?? 0) };
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) {
    // A date alone is the start of that day in Vietnam, where the outlets publish.
    const at = Date.parse(DAY_PATTERN.test(raw) ? `${raw}T00:00:00+07:00` : raw);
    if (Number.isFinite(at)) return { kind: 'date', at };
  }
  return {
    error: `--since ${JSON.stringify(raw)}: give an article seq (e.g. 120, or 120+2 as a pull prints it) or an ISO date/time (e.g. 2026-08-20)`,
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
  /** Where the next read starts: past the last entry read. */
  private pos: ManifestPosition;
  /** Whether a seq cursor's line was found (a cursor past the end of the manifest finds nothing). */
  private located: boolean;
  /** Shortcut to `pos`: the byte offset, valid while the file and the line ending there are the same. */
  private mark: { ino: number; offset: number; lastLine: Buffer } | null = null;
  printed = 0;

  constructor(
    private readonly outDir: string,
    private readonly opts: ExportOptions,
    private readonly out: Output,
    private readonly err: Output,
  ) {
    this.located = opts.since.kind !== 'seq';
    this.pos = opts.since.kind === 'seq' ? { seq: opts.since.seq, after: opts.since.after } : START;
  }

  /** The cursor of the next pull (`SEQ` or `SEQ+N`); null before the first article line. */
  get nextCursor(): string | null {
    return cursorOf(this.pos);
  }

  header(): void {
    if (this.opts.format === 'csv')
      this.out.write(`${[...CSV_COLUMNS, ...(this.opts.withText ? ['text'] : [])].join(',')}\r\n`);
  }

  /** Prints every complete entry past the position; returns how many it printed. */
  async drain(): Promise<number> {
    let fh: FileHandle;
    try {
      fh = await open(manifestPath(this.outDir), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0; // rotated away, or none yet
      throw err;
    }
    try {
      const offset = await this.startOffset(fh);
      return offset === null ? 0 : await this.printFrom(fh, offset);
    } finally {
      await fh.close();
    }
  }

  /** Where to read from in this file; null when a seq cursor is not in it (nothing to print). */
  private async startOffset(fh: FileHandle): Promise<number | null> {
    if (this.mark && (await stillAt(fh, this.mark))) return this.mark.offset;
    const at = await locate(fh, this.pos);
    if (this.mark) {
      this.mark = null;
      if (at !== null) return at;
      this.err.write(
        `tinwatch export: ${manifestPath(this.outDir)} was truncated or replaced and no longer holds the last line read: following it from its start\n`,
      );
      this.pos = START;
      return 0;
    }
    if (at !== null) this.located = true;
    return this.located ? (at ?? 0) : null;
  }

  private async printFrom(fh: FileHandle, offset: number): Promise<number> {
    let n = 0;
    const ino = (await fh.stat()).ino;
    for await (const { line, end } of linesOf(fh, offset)) {
      this.mark = { ino, offset: end, lastLine: Buffer.from(`${line}\n`, 'utf8') };
      if (!line.trim()) continue;
      const read = parseManifestLine(line);
      if (!read.ok) {
        this.err.write(`tinwatch export: skipped a damaged manifest line ending at byte ${end} (${read.reason})\n`);
        continue;
      }
      const e = read.entry;
      this.pos = advance(this.pos, e);
      if (this.opts.since.kind === 'date') {
        const at = Date.parse(String(e.type === 'article' ? e.written_at : e.fetched_at));
        if (!(at >= this.opts.since.at)) continue;
      }
      await this.print(e, line);
      n++;
    }
    // A file read to its end with nothing in it yet: the mark is its start.
    this.mark ??= { ino, offset: 0, lastLine: Buffer.alloc(0) };
    this.printed += n;
    return n;
  }

  /** Whether a seq cursor was found (a cursor past the end of the manifest finds nothing). */
  get cursorFound(): boolean {
    return this.located;
  }

  private async print(e: ManifestEntryRead, line: string): Promise<void> {
    const text = this.opts.withText && e.type === 'article' && e.file ? await this.textOf(e.file) : null;
    if (this.opts.format === 'csv') this.out.write(csvRow(e, text, this.opts.withText));
    else this.out.write(this.opts.withText && text !== null ? `${JSON.stringify({ ...e, text })}\n` : `${line}\n`);
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
