// The newest manifest entries, read from the end of out/manifest.jsonl (never the whole file:
// the manifest grows for months).
import { open } from 'node:fs/promises';
import { manifestPath } from '../write/article-files.js';

export interface ManifestArticle {
  type: 'article';
  seq: number;
  file: string;
  id: string;
  url: string;
  outlet: string;
  source_id: string;
  title: string;
  published_at: string | null;
  matched_rules: string[];
}

export async function latestArticles(outDir: string, limit = 50, tailBytes = 512 * 1024): Promise<ManifestArticle[]> {
  let fh;
  try {
    fh = await open(manifestPath(outDir), 'r');
  } catch {
    return [];
  }
  try {
    const { size } = await fh.stat();
    const start = Math.max(0, size - tailBytes);
    const buf = Buffer.alloc(size - start);
    await fh.read(buf, 0, buf.length, start);
    const lines = buf.toString('utf8').split('\n');
    if (start > 0) lines.shift(); // first line may be cut
    const out: ManifestArticle[] = [];
    for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
      const line = lines[i]!.trim();
      if (!line) continue;
      try {
        const entry = JSON.parse(line) as { type?: string };
        if (entry.type === 'article') out.push(entry as ManifestArticle);
      } catch {
        // A line being appended right now; it shows on the next load.
      }
    }
    return out;
  } finally {
    await fh.close();
  }
}
