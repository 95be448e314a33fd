// A story's later lines in the manifest: its edits (each revision fetched again and found changed)
// and the tombstone retention left when it removed the story's text or capture, read in one pass
// over the lines that name the story.
import { manifestLines } from '../../src/write/article-files.js';
import type { EditEntry } from '../../src/write/edit-entry.js';
import { parseManifestLine } from '../../src/write/manifest-entry.js';

export interface StoryPruned {
  removed_at: string;
  reason: string;
  text: string | null;
  warc: string | null;
}

export interface StoryHistory {
  edits: EditEntry[];
  /** The latest tombstone of the story, or null: nothing was pruned. */
  pruned: StoryPruned | null;
}

export async function storyHistory(outDir: string, id: string): Promise<StoryHistory> {
  const needle = `"id":${JSON.stringify(id)}`;
  const out: StoryHistory = { edits: [], pruned: null };
  for await (const line of manifestLines(outDir)) {
    if (!line.includes(needle) || !(line.includes('"edit"') || line.includes('"tombstone"'))) continue;
    const read = parseManifestLine(line);
    if (!read.ok || read.entry.id !== id) continue;
    const e = read.entry;
    if (e.type === 'edit') out.edits.push(e as unknown as EditEntry);
    else if (e.type === 'tombstone' && e.removed)
      out.pruned = {
        removed_at: String(e.removed_at),
        reason: String(e.reason),
        text: e.removed.text,
        warc: e.removed.warc,
      };
  }
  return out;
}
