// `tinwatch export --since SEQ|DATE [--format jsonl|csv] [--with-text] [--follow]`: the manifest
// entries an archive has not pulled yet, in the order they were written.
// - `--since SEQ`: every entry after the line of article SEQ (the seq of the last article line a
//   pull returned, printed as the next cursor). Lines are in append order, and concurrent workers
//   may append seq 9 after seq 10: a cursor on the line, not on the number, misses neither.
//   `--since SEQ+N`: after that line and the N entries (duplicates) that follow it — the cursor
//   printed when a pull ended on duplicates, so the next pull does not send them again.
// - `--since DATE`: entries written (articles) or fetched (duplicates) at or after that instant;
//   an instant with its offset, or a date (that day in Vietnam, UTC+7); the shell's TZ never counts.
//   Tombstones count from when they were removed.
// - `--follow`: then waits for new lines and prints each as it lands, until stopped. It holds a
//   position, not a byte offset (manifest-position.ts): a repair, truncation or rotation of the
//   manifest neither loses nor repeats a line.
// Damaged lines (a fragment a full disk left) are skipped with one line on stderr.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { manifestPath } from '../write/article-files.js';
import { parseManifestLine, type ManifestEntryRead } from '../write/manifest-entry.js';
import { csvHeader, csvRow, type ArticleTextOrWhy } from './export-csv.js';
import { linesFrom, linesOf } from './manifest-cursor.js';
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

const VIETNAM_OFFSET = '+07:00';

/** Reads `--since`: a whole number is a seq, anything else must be an ISO 8601 date or time. */
export function parseCursor(raw: string | undefined): ExportCursor | { error: string } {
  if (raw === undefined) return { kind: 'start' };
  const seq = /^(\d+)(?:\+(\d+))?$/.exec(raw);
  if (seq) return { kind: 'seq', seq: Number(seq[1]), after: Number(seq[2] ?? 0) };
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(raw);
  if (m) {
    // Never the shell's time zone: a date alone is the start of that day in Vietnam (where the
    // outlets publish), a time without an offset is Vietnam time, an offset is taken as given.
    const offset = m[3] ? m[3].toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : VIETNAM_OFFSET;
    const iso = DAY_PATTERN.test(raw) ? `${raw}T00:00:00${VIETNAM_OFFSET}` : `${m[1]}T${m[2]}${offset}`;
    const at = Date.parse(iso);
    if (Number.isFinite(at)) return { kind: 'date', at };
  }
  return {
    error: `--since ${JSON.stringify(raw)}: give an article seq (e.g. 120, or 120+2 as a pull prints it), an instant with its offset (2026-08-20T07:20:01+07:00 or …Z), or a date (2026-08-20: that day in Vietnam)`,
  };
}

export class ManifestExport {
  /** Where the next read starts: past the last entry read. */
  private pos: ManifestPosition;
  /** Whether a seq cursor's line was found (a cursor past the end of the manifest finds nothing). */
  private located: boolean;
  /** Shortcut to `pos`: the byte offset, valid while the file and the line ending there are the same. */
  private mark: { ino: number; offset: number; lastLine: Buffer } | null = null;
  printed = 0;
  /** Story ids whose text retention removed (tombstone lines): when and why; read when a text is first missing. */
  private pruned: Map<string, { removed_at: string; reason: string }> | null = null;

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
    if (this.opts.format === 'csv') this.out.write(csvHeader(this.opts.withText));
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
        const when =
          e.type === 'article' || e.type === 'edit'
            ? e.written_at
            : e.type === 'tombstone'
              ? e.removed_at
              : e.fetched_at;
        const at = Date.parse(String(when));
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
    const text = this.opts.withText && e.type === 'article' ? await this.textOf(e) : null;
    // The line as written (no defaults a reader adds): the CSV says what the JSONL says.
    const raw = JSON.parse(line) as Record<string, unknown>;
    if (this.opts.format === 'csv')
      this.out.write(csvRow(raw, this.opts.withText ? (text ?? { text: null, unavailable: null }) : null));
    else if (text) {
      // export-article.schema.json: the text, or null and why it is gone (and when, if pruned).
      const withText = {
        ...raw,
        text: text.text,
        ...(text.unavailable ? { text_unavailable: text.unavailable } : {}),
        ...(text.pruned ? { pruned: text.pruned } : {}),
      };
      this.out.write(`${JSON.stringify(withText)}\n`);
    } else this.out.write(`${line}\n`);
  }

  /** An article's text, or why there is none: pruned (a tombstone says so) or missing. */
  private async textOf(e: ManifestEntryRead): Promise<ArticleTextOrWhy> {
    if (!e.file) return { text: null, unavailable: 'missing' };
    try {
      return { text: await readFile(path.join(this.outDir, e.file), 'utf8'), unavailable: null };
    } catch {
      this.pruned ??= await prunedTexts(this.outDir);
      const pruned = this.pruned.get(e.id);
      if (pruned) return { text: null, unavailable: 'pruned', pruned };
      this.err.write(`tinwatch export: ${e.file} is listed but missing from ${this.outDir}\n`);
      return { text: null, unavailable: 'missing' };
    }
  }
}

/** The stories whose text a tombstone line says was removed: when and why. */
export async function prunedTexts(outDir: string): Promise<Map<string, { removed_at: string; reason: string }>> {
  const ids = new Map<string, { removed_at: string; reason: string }>();
  for await (const { line } of linesFrom(manifestPath(outDir))) {
    if (!line.includes('"tombstone"')) continue;
    const read = parseManifestLine(line);
    const e = read.ok ? read.entry : null;
    if (e?.type === 'tombstone' && e.removed?.text)
      ids.set(e.id, { removed_at: String(e.removed_at), reason: String(e.reason) });
  }
  return ids;
}
