// The thread index of an output folder: one streaming pass over its manifest.
import { manifestLines } from '../write/article-files.js';
import { parseManifestLine } from '../write/manifest-entry.js';
import { ThreadIndex } from './thread-index.js';
import type { StoryThread } from './thread-types.js';

/** Every line of the manifest read once; an absent manifest is an empty index. */
export async function loadThreadIndex(outDir: string): Promise<ThreadIndex> {
  const index = new ThreadIndex();
  for await (const line of manifestLines(outDir)) {
    // Tombstone lines change no thread: skipped without parsing.
    if (!line.includes('"article"') && !line.includes('"duplicate"')) continue;
    const read = parseManifestLine(line);
    // A fragment a failed write left does not parse: not a story.
    if (read.ok) index.add(read.entry);
  }
  return index;
}

/** The thread of a story or copy in an output folder; null when the manifest does not know it. */
export async function threadOf(outDir: string, storyId: string): Promise<StoryThread | null> {
  return (await loadThreadIndex(outDir)).threadOf(storyId);
}
