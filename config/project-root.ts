// The checkout's root folder, found from this file whether it runs as TypeScript (config/) or
// compiled (dist/config/): data that ships beside the code (watchlist, topics, demo sites) is
// read from the source tree, never copied into the build.
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'config'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no tinwatch checkout above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);

/** A path inside the checkout. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
