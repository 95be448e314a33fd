// Part of `npm run build`: tsc compiles only TypeScript, so the Redis scripts (*.lua beside the
// modules that load them with new URL('./lua/…', import.meta.url)) are copied into dist/ at the
// same paths, for the compiled code to find them.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const { include } = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));

function copyLua(dir) {
  let copied = 0;
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) copied += copyLua(rel);
    else if (entry.name.endsWith('.lua')) {
      mkdirSync(path.join(root, 'dist', dir), { recursive: true });
      copyFileSync(path.join(root, rel), path.join(root, 'dist', rel));
      copied++;
    }
  }
  return copied;
}

const copied = include.reduce((n, dir) => n + copyLua(dir), 0);
if (copied === 0) throw new Error('no .lua file found to copy into dist/');
