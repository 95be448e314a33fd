// A story's lead as written: the block after the title in its text file (title, blank line,
// lead). A follow-up's lead is where its new facts are (the dedupe rule split it off for them).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The lead of a written story; null when the file is gone (storage retention) or has no second block. */
export async function readStoryLead(outDir: string, file: string | null): Promise<string | null> {
  if (!file || file.includes('..')) return null;
  try {
    const blocks = (await readFile(path.join(outDir, file), 'utf8')).split('\n\n');
    return blocks[1]?.trim() || null;
  } catch {
    return null;
  }
}

/** The leads of several stories, by id (those without one are left out). */
export async function readStoryLeads(
  outDir: string,
  stories: readonly { id: string; file: string | null }[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of stories) {
    const lead = await readStoryLead(outDir, s.file);
    if (lead) out[s.id] = lead;
  }
  return out;
}
