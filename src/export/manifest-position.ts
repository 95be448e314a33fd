// Where a reader of the manifest stands, as a position in the manifest's entries rather than a
// byte offset: the last article line read (its seq) and how many entries came after it. A byte
// offset is only a shortcut, kept with the file it belongs to (inode) and the line that ends
// there; when the file was repaired (`manifest check --repair` rewrites it shorter), truncated or
// rotated, the shortcut is dropped and the position is found again by reading from the start.
// Printed as the next pull's cursor: `SEQ`, or `SEQ+N` when N entries (duplicates) follow it.
import type { FileHandle } from 'node:fs/promises';
import type { ManifestEntryRead } from '../write/manifest-entry.js';
import { linesOf } from './manifest-cursor.js';
import { parseManifestLine } from '../write/manifest-entry.js';

export interface ManifestPosition {
  /** Seq of the last article line read; null before the first one. */
  seq: number | null;
  /** Entries read after that line (or from the start, when seq is null). */
  after: number;
}

export const START: ManifestPosition = { seq: null, after: 0 };

/** The position just past an entry read at `pos`. */
export function advance(pos: ManifestPosition, e: ManifestEntryRead): ManifestPosition {
  if (e.type === 'article' && typeof e.seq === 'number') return { seq: e.seq, after: 0 };
  return { seq: pos.seq, after: pos.after + 1 };
}

/** The cursor for `export --since`; null before the first article line. */
export function cursorOf(pos: ManifestPosition): string | null {
  if (pos.seq === null) return null;
  return pos.after > 0 ? `${pos.seq}+${pos.after}` : String(pos.seq);
}

/**
 * The byte offset just past `pos` in the open file; null when the file does not hold it (its
 * article line is gone, or fewer entries than `after` precede the end with no seq: replaced).
 * When the article line is there but fewer entries follow it, the end of the file.
 */
export async function locate(fh: FileHandle, pos: ManifestPosition): Promise<number | null> {
  if (pos.seq === null && pos.after === 0) return 0;
  let found = pos.seq === null;
  let count = 0;
  let end = 0;
  for await (const l of linesOf(fh, 0)) {
    end = l.end;
    if (!l.line.trim()) continue;
    const read = parseManifestLine(l.line);
    if (!read.ok) continue; // damaged lines are not entries: a repair removes them
    if (!found) {
      if (read.entry.type === 'article' && read.entry.seq === pos.seq) {
        found = true;
        if (pos.after === 0) return end;
      }
      continue;
    }
    if (++count === pos.after) return end;
  }
  return found && pos.seq !== null ? end : null;
}

/** Whether `offset` in this file still ends with the line last read there (same file, not cut). */
export async function stillAt(
  fh: FileHandle,
  mark: { ino: number; offset: number; lastLine: Buffer },
): Promise<boolean> {
  const st = await fh.stat();
  if (st.ino !== mark.ino || st.size < mark.offset) return false;
  const start = mark.offset - mark.lastLine.length;
  if (start < 0) return false;
  const buf = Buffer.alloc(mark.lastLine.length);
  await fh.read(buf, 0, buf.length, start);
  return buf.equals(mark.lastLine);
}
