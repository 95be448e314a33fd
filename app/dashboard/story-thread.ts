// A story's thread: the earlier stories its manifest line names as `related` (what it follows
// up, continues, or reports beside) and the later stories that name it. Read from the manifest:
// earlier ones by id, later ones by one pass over the lines that carry `related`.
import { manifestLines } from '../../src/write/article-files.js';
import { parseManifestLine, type RelatedStoryRef } from '../../src/write/manifest-entry.js';
import { findArticle, type ManifestArticle } from './latest-articles.js';

export interface ThreadStory {
  id: string;
  kind: RelatedStoryRef['kind'];
  similarity: number;
  /** Null when the earlier story's line is gone (storage retention). */
  title: string | null;
  outlet: string | null;
  published_at: string | null;
}

export interface StoryThread {
  earlier: ThreadStory[];
  later: ThreadStory[];
}

export async function storyThread(outDir: string, story: ManifestArticle): Promise<StoryThread> {
  const earlier: ThreadStory[] = [];
  for (const r of story.related ?? []) {
    const a = await findArticle(outDir, r.id);
    earlier.push({ ...r, title: a?.title ?? null, outlet: a?.outlet ?? null, published_at: a?.published_at ?? null });
  }
  const later: ThreadStory[] = [];
  const needle = `"id":${JSON.stringify(story.id)}`;
  for await (const line of manifestLines(outDir)) {
    if (!line.includes('"related":') || !line.includes(needle)) continue;
    const read = parseManifestLine(line);
    if (!read.ok || read.entry.type !== 'article' || read.entry.id === story.id) continue;
    const e = read.entry as ManifestArticle;
    for (const r of e.related ?? [])
      if (r.id === story.id)
        later.push({
          id: e.id,
          kind: r.kind,
          similarity: r.similarity,
          title: e.title,
          outlet: e.outlet,
          published_at: e.published_at,
        });
  }
  return { earlier, later };
}
