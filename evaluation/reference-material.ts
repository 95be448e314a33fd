// Where the labelled third-party material lives: real pages, benchmarks, labelled texts, seed
// files. It is read in place and never copied into the repository, and a clone may not have it at
// all, so every reader asks `referenceMissing` first and skips with one line naming what it needs.
// The folder is TINWATCH_REFERENCE when set; otherwise the steering checkout's material beside
// this one (the only place in the repository that names it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../config/project-root.js';

const MATERIAL_ROOT = process.env.TINWATCH_MATERIAL ?? projectPath('..', 'shared');

/** The labelled reference set: real pages, benchmarks, labelled texts, feed items. */
export const REFERENCE_DIR = process.env.TINWATCH_REFERENCE ?? path.join(MATERIAL_ROOT, 'reference');
/** The seed files: the outlets' articles in the output format. */
export const SEEDS_DIR = path.join(MATERIAL_ROOT, 'seeds');

/**
 * Public corpora of Vietnamese news clusters (one event, several outlets) for the dedupe eval's
 * real pairs, read in place: a folder of cluster folders, or `<git dir>#<rev>:<path>` in a mirror
 * with no work tree (evaluation/real-news-corpus.ts). Set TINWATCH_REAL_NEWS to use one.
 */
export const REAL_NEWS_CORPUS = process.env.TINWATCH_REAL_NEWS ?? path.join(MATERIAL_ROOT, 'news-clusters');

/** A file or folder of the reference material, by its path inside it. */
export const referencePath = (...parts: string[]): string => path.join(REFERENCE_DIR, ...parts);
/** A seed file, by name. */
export const seedPath = (name: string): string => path.join(SEEDS_DIR, name);

/**
 * One line saying what is missing and that the caller skips, or null when `file` exists.
 * `what` names the material ("real pages", "RSS items 2026").
 */
export function referenceMissing(file: string, what: string): string | null {
  return existsSync(file) ? null : `skipped: needs ${what} (${file}), not present in this checkout`;
}
