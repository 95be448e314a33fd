// The newest manifest entries, read from the end of out/manifest.jsonl (never the whole file:
// the manifest grows for months).
import { manifestLines, readManifestTail } from '../../src/write/article-files.js';
import { parseManifestLine } from '../../src/write/manifest-entry.js';
import type { WrittenArticle } from '../../src/search/manifest-index.js';

/** A written article's manifest line: the search's type, one shape for every reader. */
export type ManifestArticle = WrittenArticle;

export async function latestArticles(outDir: string, limit = 50, tailBytes = 512 * 1024): Promise<ManifestArticle[]> {
  const { buf, cut } = await readManifestTail(outDir, tailBytes);
  const lines = buf.toString('utf8').split('\n');
  if (cut) lines.shift(); // first line may be cut
  const out: ManifestArticle[] = [];
  for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
    const line = lines[i]!.trim();
    if (!line) continue;
    // A line being appended right now does not parse; it shows on the next load.
    const read = parseManifestLine(line);
    if (read.ok && read.entry.type === 'article') out.push(read.entry as unknown as ManifestArticle);
  }
  return out;
}

/**
 * One story's article line: looked for in the tail first (recent stories are the ones people
 * open), then through the whole manifest, a line at a time.
 */
export async function findArticle(outDir: string, id: string): Promise<ManifestArticle | null> {
  const recent = (await latestArticles(outDir, 5_000)).find((a) => a.id === id);
  if (recent) return recent;
  const needle = `"id":${JSON.stringify(id)}`;
  for await (const line of manifestLines(outDir)) {
    if (!line.includes(needle)) continue;
    // A fragment a failed write left does not parse: not a story.
    const read = parseManifestLine(line);
    if (read.ok && read.entry.type === 'article' && read.entry.id === id)
      return read.entry as unknown as ManifestArticle;
  }
  return null;
}
