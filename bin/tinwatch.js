#!/usr/bin/env node
// Entry point for `npx tinwatch`. Runs the compiled JavaScript in dist/ (built by `npm run build`,
// which `npm run setup` and npm's prepare step run) when it is at least as new as every
// TypeScript source; otherwise — a source edited since the last build, or no build at all — it
// registers tsx's loader and runs the TypeScript as it is, so an edit is never run stale.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['app', 'workers', 'pipeline', 'crawlers', 'src', 'base', 'config'];
// Written by `npm run build` after the compiler ran (tsc leaves an up-to-date build untouched).
const BUILD_STAMP = path.join(root, 'dist', 'BUILT');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsFresh() {
  let built;
  try {
    built = statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return false;
  }
  return SOURCE_DIRS.every((d) => newestSource(path.join(root, d)) <= built);
}

if (buildIsFresh()) {
  await import('../dist/app/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../app/cli/main.ts');
}
