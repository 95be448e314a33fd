// Files on disk: articles are written to a temp name and renamed (a reader never sees half a
// file); manifest lines are appended with one write each, so concurrent writers on one machine
// never interleave inside a line.
//
// The per-article writes (file, rename, manifest line) use the synchronous calls on purpose. An
// article file is a few KB on a local disk; each fs/promises call is a thread-pool round trip and
// a wake-up of the event loop, and on the benchmark machine the six of them cost ~0.33 ms of CPU
// per article against ~0.07 ms for the same syscalls made directly. Article jobs run in their own
// worker threads (workers/article-threads.ts), so a blocked moment stalls no crawl.
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { open, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';

export function articlesDir(outDir: string): string {
  return path.join(outDir, 'articles');
}

export function manifestPath(outDir: string): string {
  return path.join(outDir, 'manifest.jsonl');
}

// Folders this process has created: a mkdir per write was a syscall per article for nothing.
// If one is removed while tinwatch runs, the write fails with ENOENT and the folder is made again.
const madeDirs = new Set<string>();

function inDir<T>(dir: string, write: () => T): T {
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  try {
    return write();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dir, { recursive: true });
    return write();
  }
}

export async function writeArticleFile(outDir: string, fileName: string, text: string): Promise<string> {
  // File names come from the sequence and the story id only, never from page content.
  if (!/^\d{3,}_[0-9a-f]{16}\.txt$/.test(fileName)) throw new Error(`refusing file name ${fileName}`);
  const dir = articlesDir(outDir);
  const final = path.join(dir, fileName);
  const tmp = path.join(dir, `.${fileName}.${process.pid}.${Date.now()}.tmp`);
  inDir(dir, () => writeFileSync(tmp, text, 'utf8'));
  renameSync(tmp, final);
  return final;
}

export async function appendManifest(outDir: string, entry: object): Promise<void> {
  const line = `${JSON.stringify(entry)}\n`;
  inDir(outDir, () => appendFileSync(manifestPath(outDir), line, { encoding: 'utf8', flag: 'a' }));
}

/**
 * The last `tailBytes` of the manifest (the whole file when smaller), and whether that cut the
 * first line. Readers look at the end only: the manifest grows for months.
 */
export async function readManifestTail(outDir: string, tailBytes: number): Promise<{ buf: Buffer; cut: boolean }> {
  let fh;
  try {
    fh = await open(manifestPath(outDir), 'r');
  } catch {
    return { buf: Buffer.alloc(0), cut: false };
  }
  try {
    const { size } = await fh.stat();
    const start = Math.max(0, size - tailBytes);
    const buf = Buffer.alloc(size - start);
    await fh.read(buf, 0, buf.length, start);
    return { buf, cut: start > 0 };
  } finally {
    await fh.close();
  }
}

/** Whether a line for this story id is among the last `tailBytes` of the manifest. */
export async function manifestTailHasStory(outDir: string, storyId: string, tailBytes = 1024 * 1024): Promise<boolean> {
  const { buf } = await readManifestTail(outDir, tailBytes);
  // A story's own line has "id" after "type" (…,"id":"<id>"); inside another story's
  // duplicate_of object "id" comes first ({"id":"<id>"…), which must not count.
  return buf.includes(`,"id":"${storyId}"`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files left by writers that died mid-write (kill -9, power loss). A temp file is
 * `.NNN_<id>.txt.<pid>.<time>.tmp`; it is stale when that process no longer runs on this machine.
 * The article itself is not lost: its job is retried and writes the file again.
 */
export async function removeStaleTempFiles(outDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(articlesDir(outDir));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = /^\..+\.(\d+)\.\d+\.tmp$/.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    await unlink(path.join(articlesDir(outDir), name)).catch(() => undefined);
    removed++;
  }
  return removed;
}
