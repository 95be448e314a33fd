// A story's later revisions (edit lines, src/write/edit-entry.ts) as text files of their own,
// under articles/revisions/, named from the story's file: NNN_<id>.r<revision>.txt. The story's
// first file is never rewritten (its article line's hash stays true, and a folder of NNN_<id>.txt
// stays one file per story); written like it, to a temp name then renamed.
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REVISIONS_DIR = 'articles/revisions';

/** `articles/revisions/NNN_<id>.r<revision>.txt` for the story's file `articles/NNN_<id>.txt`. */
export function revisionFileOf(storyFile: string, revision: number): string {
  const m = /^articles\/(\d{3,}_[0-9a-f]{16})\.txt$/.exec(storyFile);
  if (!m || !Number.isInteger(revision) || revision < 2)
    throw new Error(`no revision file for ${storyFile} r${revision}`);
  return `${REVISIONS_DIR}/${m[1]}.r${revision}.txt`;
}

export function writeRevisionFile(outDir: string, file: string, text: string): void {
  const final = path.join(outDir, file);
  const dir = path.dirname(final);
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, final);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
}
