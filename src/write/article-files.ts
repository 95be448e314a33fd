// Files on disk: articles are written to a temp name and renamed (a reader never sees half a
// file); manifest lines are appended with one write each, so concurrent writers on one machine
// never interleave inside a line. A write the disk cut short (ENOSPC, EIO) leaves a fragment:
// the writer ends it with a newline if it can, and every append first checks that the manifest
// ends with one, so a fragment is a bad line of its own, never glued to the next (readers skip
// it; `tinwatch manifest check --repair` removes it).
//
// The per-article writes (file, rename, manifest line) use the synchronous calls on purpose. An
// article file is a few KB on a local disk; each fs/promises call is a thread-pool round trip and
// a wake-up of the event loop, and the six of them cost several times the CPU of the same
// syscalls made directly (figures: BENCHMARKS.md, "Figures behind design choices"). Article jobs run in their own
// worker threads (workers/article-threads.ts), so a blocked moment stalls no crawl.
import { parseManifestLine } from './manifest-entry.js';
import { processAlive } from './process-alive.js';
import {
  closeSync,
  createReadStream,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { open, readdir, unlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
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
  try {
    inDir(dir, () => writeFileSync(tmp, text, 'utf8'));
    renameSync(tmp, final);
  } catch (err) {
    // A full disk must not also fill the folder with the failed attempts' temp files.
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    throw err;
  }
  return final;
}

const NEWLINE = Buffer.from('\n');

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The file's size and its last byte (null when empty). */
function fileEnd(fd: number): { size: number; last: number | null } {
  const { size } = fstatSync(fd);
  if (size === 0) return { size, last: null };
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return { size, last: last[0]! };
}

/** Looks a line end that is missing gets, each a moment apart, before it counts as a fragment. */
const FRAGMENT_LOOKS = 10;

/**
 * Whether the file ends in a fragment a failed write left, which the next line must not run on
 * from. Another thread or process appending at this moment can be seen half done (the kernel
 * grows the size a page at a time), which looks like a fragment; taking it for one puts a blank
 * line in the manifest. So a missing line end counts only when the file stood still for a moment
 * with it missing: an append in progress has finished by then, a fragment is still there. A file
 * others never stop appending to is taken as whole: a real fragment comes from a full disk, where
 * their appends fail too.
 */
function endsMidLine(fd: number): boolean {
  let seen = fileEnd(fd);
  for (let look = 0; look < FRAGMENT_LOOKS; look++) {
    if (seen.last === null || seen.last === 0x0a) return false;
    Atomics.wait(pause, 0, 0, 2); // a synchronous pause: appendLine is synchronous throughout
    const now = fileEnd(fd);
    if (now.size === seen.size) return now.last !== 0x0a;
    seen = now;
  }
  return false;
}

/** Appends one line whole, or leaves at most a newline-ended fragment and throws. */
function appendLine(file: string, line: Buffer): void {
  const fd = openSync(file, 'a+');
  try {
    const buf = endsMidLine(fd) ? Buffer.concat([NEWLINE, line]) : line;
    let done = 0;
    try {
      while (done < buf.length) done += writeSync(fd, buf, done);
    } catch (err) {
      if (done > 0) {
        try {
          writeSync(fd, NEWLINE);
        } catch {
          // no byte left either: the next append adds the newline first
        }
      }
      throw err;
    }
  } finally {
    closeSync(fd);
  }
}

export async function appendManifest(outDir: string, entry: object): Promise<void> {
  const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
  inDir(outDir, () => appendLine(manifestPath(outDir), line));
}

/**
 * Every line of the manifest, first to last, read a line at a time (the manifest grows for
 * months); none when there is no manifest yet. Lines are as written: a fragment left by a failed
 * write is yielded too, for the caller to skip or report.
 */
export async function* manifestLines(outDir: string): AsyncGenerator<string> {
  const input = createReadStream(manifestPath(outDir), 'utf8');
  try {
    await new Promise<void>((resolve, reject) => input.once('open', () => resolve()).once('error', reject));
  } catch {
    return; // no manifest yet
  }
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } finally {
    input.destroy();
  }
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

/**
 * Whether a whole, valid line for this story id is among the last `tailBytes` of the manifest.
 * Only complete lines that parse count: a fragment a full disk cut short holds the id too, and
 * taking it for the line would lose the story for good.
 */
export async function manifestTailHasStory(outDir: string, storyId: string, tailBytes = 1024 * 1024): Promise<boolean> {
  const { buf } = await readManifestTail(outDir, tailBytes);
  const needle = `"id":"${storyId}"`;
  if (!buf.includes(needle)) return false;
  const lines = buf.toString('utf8').split('\n');
  lines.pop(); // not newline-ended: a line being written, or a fragment
  for (const line of lines) {
    if (!line.includes(needle)) continue;
    // A fragment does not parse: not this story's line.
    const read = parseManifestLine(line);
    if (read.ok && read.entry.id === storyId) return true;
  }
  return false;
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
