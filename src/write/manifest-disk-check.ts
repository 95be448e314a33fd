// `manifest check` both ways: every file the manifest names (a story's text, a revision's text
// under articles/revisions/, a WARC file) is on disk (or a tombstone line says
// retention removed it), and every text and WARC file on disk is named by a line. A file on disk
// that no line names is a write whose line never came (a job that died between the two, retried
// under the same name: usually gone by the next look) or something put there by hand. Run it with
// the workers stopped for a steady answer: a story being written has its file before its line.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ManifestEntryRead } from './manifest-entry.js';
import { REVISIONS_DIR } from './revision-files.js';

export interface DiskCheck {
  /** Files a line names that are not on disk and no tombstone explains: 1-based line and file. */
  missing: { line: number; file: string }[];
  /** Files on disk that no line names (relative to the output folder). */
  unlisted: string[];
}

/** Collects what the lines name, then compares with the disk. */
export class ManifestDiskCheck {
  private readonly named = new Map<string, number>();
  private readonly removed = new Set<string>();

  constructor(private readonly outDir: string) {}

  /** Takes one parsed line (its 1-based number). */
  add(line: number, e: ManifestEntryRead): void {
    if (e.type === 'tombstone') {
      if (e.removed?.text) this.removed.add(e.removed.text);
      if (e.removed?.warc) this.removed.add(e.removed.warc);
      return;
    }
    if ((e.type === 'article' || e.type === 'edit') && e.file && !this.named.has(e.file)) this.named.set(e.file, line);
    const warc = e.warc?.file;
    if (warc && !this.named.has(warc)) this.named.set(warc, line);
  }

  result(): DiskCheck {
    const missing: DiskCheck['missing'] = [];
    for (const [file, line] of this.named)
      if (!this.removed.has(file) && !existsSync(path.join(this.outDir, file))) missing.push({ line, file });
    const unlisted = [
      ...this.list('articles', (f) => /^\d{3,}_[0-9a-f]{16}\.txt$/.test(f)),
      ...this.list(REVISIONS_DIR, (f) => /^\d{3,}_[0-9a-f]{16}\.r\d+\.txt$/.test(f)),
      // A WARC file still being written (its `.open` marker beside it) may hold captures whose lines are to come.
      ...this.list('warc', (f, all) => f.endsWith('.warc.gz') && !all.has(`${f}.open`)),
    ].filter((f) => !this.named.has(f));
    return { missing: missing.sort((a, b) => a.line - b.line), unlisted };
  }

  private list(dir: string, keep: (name: string, all: Set<string>) => boolean): string[] {
    const full = path.join(this.outDir, dir);
    if (!existsSync(full)) return [];
    const all = new Set(readdirSync(full));
    return [...all]
      .filter((f) => keep(f, all))
      .sort()
      .map((f) => `${dir}/${f}`);
  }
}
