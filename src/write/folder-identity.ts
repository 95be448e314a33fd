// One output folder, one identity. The folder records, in `tinwatch-folder.json`, the Redis
// prefix whose counters number its files, and a random id that Redis keeps beside them
// (keys.outFolder). A run under another prefix is refused (its own counter would repeat file
// numbers and seqs), and a Redis that does not hold the folder's id has lost its record (a
// restart with no data): nothing is written until `tinwatch recover` rebuilds it from the folder.
// The file is created with O_EXCL, so two runs starting on one new folder cannot both claim it.
import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { articlesDir, manifestPath } from './article-files.js';

export const IDENTITY_FILE = 'tinwatch-folder.json';

const identitySchema = z.object({
  prefix: z.string().regex(/^[A-Za-z0-9_-]+$/),
  id: z.string().min(8),
  created_at: z.string(),
});

export type FolderIdentity = z.infer<typeof identitySchema>;

/** A folder that cannot be used as asked: one line for the user (the CLI exits 2). */
export class OutFolderError extends Error {
  override name = 'OutFolderError';
}

export function identityPath(outDir: string): string {
  return path.join(outDir, IDENTITY_FILE);
}

/** The folder's identity; null when it has none yet. A damaged file is an error, never ignored. */
export function readFolderIdentity(outDir: string): FolderIdentity | null {
  let raw: string;
  try {
    raw = readFileSync(identityPath(outDir), 'utf8');
  } catch (err) {
    // No identity yet; or --out is not a folder at all, which checkOutDir then says in words.
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return null;
    throw new OutFolderError(`${identityPath(outDir)}: ${(err as Error).message}`);
  }
  try {
    return identitySchema.parse(JSON.parse(raw));
  } catch {
    throw new OutFolderError(
      `${identityPath(outDir)} is damaged (it names the Redis prefix that writes this folder): restore it, or delete it and run \`tinwatch recover\``,
    );
  }
}

/**
 * Gives the folder an identity under `prefix` unless it has one; returns the identity that won
 * (another process may have created it a moment earlier).
 */
export function createFolderIdentity(
  outDir: string,
  prefix: string,
  id: string = randomUUID(),
  opts: { replace?: boolean } = {},
): FolderIdentity {
  const identity: FolderIdentity = { prefix, id, created_at: new Date().toISOString() };
  try {
    writeFileSync(identityPath(outDir), `${JSON.stringify(identity, null, 2)}\n`, { flag: opts.replace ? 'w' : 'wx' });
    return identity;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readFolderIdentity(outDir)!;
  }
}

/** The highest NNN among the folder's article files (-1 when none), and each story's number. */
export function articleFileNumbers(outDir: string): { max: number; byStory: Map<string, number> } {
  const byStory = new Map<string, number>();
  let max = -1;
  let names: string[] = [];
  try {
    names = readdirSync(articlesDir(outDir));
  } catch {
    // no articles folder yet
  }
  for (const name of names) {
    const m = /^(\d{3,})_([0-9a-f]{16})\.txt$/.exec(name);
    if (!m) continue;
    const n = Number(m[1]);
    byStory.set(m[2]!, n);
    if (n > max) max = n;
  }
  return { max, byStory };
}

/** Whether the folder already holds written work (a manifest line or an article file). */
export function folderHasRecord(outDir: string): boolean {
  try {
    if (statSync(manifestPath(outDir)).size > 0) return true;
  } catch {
    // no manifest
  }
  return articleFileNumbers(outDir).max >= 0;
}

/**
 * Checks `--out` at start. `read`: it must exist and be a readable folder. `write`: it is made
 * when missing, and it (and its articles/ folder, when present) must be writable. Throws
 * OutFolderError with one line.
 */
export function checkOutDir(outDir: string, mode: 'read' | 'write'): void {
  let st;
  try {
    st = statSync(outDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT')
      throw new OutFolderError(
        `output folder ${outDir} cannot be ${mode === 'read' ? 'read' : 'created'}: ${code === 'ENOTDIR' ? 'a part of its path is a file' : (err as Error).message}`,
      );
    if (mode === 'read')
      throw new OutFolderError(
        `output folder ${outDir} does not exist (give the folder tinwatch writes with --out or TINWATCH_OUT)`,
      );
    try {
      // Made here, at start, so a folder that cannot be made is found before any fetching.
      mkdirSync(outDir, { recursive: true });
    } catch (e) {
      throw new OutFolderError(`output folder ${outDir} cannot be created: ${(e as Error).message}`);
    }
    return;
  }
  if (!st.isDirectory()) throw new OutFolderError(`output folder ${outDir} is not a folder`);
  const need = mode === 'read' ? constants.R_OK | constants.X_OK : constants.W_OK | constants.X_OK;
  for (const dir of mode === 'write' ? [outDir, articlesDir(outDir)] : [outDir]) {
    try {
      accessSync(dir, need);
    } catch (err) {
      if (dir !== outDir && (err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new OutFolderError(`output folder ${dir} is not ${mode === 'read' ? 'readable' : 'writable'}`);
    }
  }
}

/** Redis does not hold the folder's record (it lost its data): `tinwatch recover` first (the CLI exits 3). */
export class FolderRecordMissingError extends Error {
  override name = 'FolderRecordMissingError';
}

/** Another `tinwatch recover` holds the prefix's lock (the CLI exits 3). */
export class RecoverBusyError extends Error {
  override name = 'RecoverBusyError';
}
