// Every file of the VietNews mirror (ThanhChinhBK/vietnews, third-party text), read in place from
// the bare git directory: one `ls-tree` for the list, then `cat-file --batch` in chunks (the
// corpus is about 1 GB of text, more than one child-process buffer holds). The same article filed
// in two splits is one blob: it is read once, under its first path.
import { spawnSync } from 'node:child_process';

/** Blobs read per `cat-file` call. */
const CHUNK = 20_000;

/** One git command on a mirror's bare directory, its whole output (throws with git's message). */
export function git(gitDir: string, args: string[], input?: string): Buffer {
  const r = spawnSync('git', ['--git-dir', gitDir, ...args], { input, maxBuffer: 2 ** 30 });
  if (r.status !== 0) throw new Error(`git ${args[0]} in ${gitDir}: ${r.stderr.toString()}`);
  return r.stdout;
}

export interface MirrorFile {
  path: string;
  blob: string;
}

/** The files under `root` at `commit`, each blob once (its first path); and how many repeated one. */
export function uniqueFiles(gitDir: string, commit: string, root: string): { files: MirrorFile[]; repeated: number } {
  const seen = new Set<string>();
  const files: MirrorFile[] = [];
  let repeated = 0;
  for (const entry of git(gitDir, ['ls-tree', '-r', '-z', commit, root]).toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const blob = entry.slice(0, tab).split(' ')[2]!;
    if (seen.has(blob)) repeated++;
    else {
      seen.add(blob);
      files.push({ path: entry.slice(tab + 1), blob });
    }
  }
  return { files, repeated };
}

/** Calls `each` with every file's text, in the order given, reading CHUNK blobs at a time. */
export function eachFileText(
  gitDir: string,
  files: readonly MirrorFile[],
  each: (i: number, text: string) => void,
): void {
  for (let start = 0; start < files.length; start += CHUNK)
    catBlobs(
      gitDir,
      files.slice(start, start + CHUNK).map((f) => f.blob),
      (k, text) => each(start + k, text),
    );
}

/** Calls `each` with every blob's text, in the order given, from one `cat-file --batch`. */
export function catBlobs(gitDir: string, blobs: readonly string[], each: (k: number, text: string) => void): void {
  const out = git(gitDir, ['cat-file', '--batch'], blobs.join('\n') + '\n');
  let at = 0;
  blobs.forEach((_, k) => {
    const nl = out.indexOf(10, at);
    const size = Number(out.subarray(at, nl).toString('utf8').split(' ')[2]);
    each(k, out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    at = nl + 1 + size + 1;
  });
}
