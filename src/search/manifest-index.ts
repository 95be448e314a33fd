// The written articles as the manifest lists them, kept in memory and brought up to date by
// reading only what was appended since the last look: the manifest is append-only (storage
// retention removes text files, never lines), so a search does not reread months of lines.
import { open } from 'node:fs/promises';
import { manifestPath } from '../write/article-files.js';
import { parseManifestLine, type ManifestEntryRead } from '../write/manifest-entry.js';

/** A written article's manifest line, with the fields every version of an article line has. */
export type WrittenArticle = ManifestEntryRead & {
  type: 'article';
  file: string;
  title: string;
  outlet: string;
  source_id: string;
  url: string;
  matched_rules: string[];
  relevance?: { profile?: string; verdict?: string; borderline?: boolean; score?: number; reason?: string };
};

const CHUNK = 1 << 20;

export class ManifestIndex {
  private offset = 0;
  private rows: WrittenArticle[] = [];

  constructor(private readonly outDir: string) {}

  /** Every written article, oldest first, including lines appended since the last call. */
  async articles(): Promise<readonly WrittenArticle[]> {
    let fh;
    try {
      fh = await open(manifestPath(this.outDir), 'r');
    } catch {
      return this.rows; // no manifest yet
    }
    try {
      const { size } = await fh.stat();
      // A smaller file is a different manifest (an out folder emptied and begun again).
      if (size < this.offset) [this.offset, this.rows] = [0, []];
      let pending = Buffer.alloc(0);
      while (this.offset + pending.length < size) {
        const buf = Buffer.alloc(Math.min(CHUNK, size - this.offset - pending.length));
        const { bytesRead } = await fh.read(buf, 0, buf.length, this.offset + pending.length);
        if (bytesRead === 0) break;
        pending = Buffer.concat([pending, buf.subarray(0, bytesRead)]);
        // Only whole lines: one being appended right now is read on the next call.
        const end = pending.lastIndexOf(0x0a);
        if (end < 0) continue;
        for (const line of pending.subarray(0, end).toString('utf8').split('\n')) this.add(line);
        this.offset += end + 1;
        pending = pending.subarray(end + 1);
      }
    } finally {
      await fh.close();
    }
    return this.rows;
  }

  private add(line: string): void {
    if (!line.trim()) return;
    // A fragment a failed write left does not parse: not an article.
    const read = parseManifestLine(line);
    if (!read.ok || read.entry.type !== 'article') return;
    const e = read.entry;
    if (typeof e.file !== 'string' || typeof e.title !== 'string' || typeof e.url !== 'string') return;
    this.rows.push({
      ...e,
      outlet: e.outlet ?? '',
      source_id: e.source_id ?? '',
      matched_rules: e.matched_rules ?? [],
    } as WrittenArticle);
  }
}
