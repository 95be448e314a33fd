// What a command loads when it starts: bin/tinwatch.js runs the compiled build when it is fresh
// (and the TypeScript through tsx when a source is newer), and `--help` and `extract` load none of
// crawlee, BullMQ, ioredis or Playwright. Start-up time itself is a benchmark (BENCHMARKS.md).
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/tinwatch.js');
const HOOK = path.join(ROOT, 'test/helpers/trace-imports.mjs');
const STAMP = path.join(ROOT, 'dist/BUILT');
const PAGE = path.join(
  ROOT,
  'app/demo/sites/vnexpress.net/han-quoc-my-hop-nhom-tham-van-hat-nhan-lan-thu-nam-5112299.html',
);
const HEAVY = [
  '/node_modules/crawlee/',
  '/node_modules/bullmq/',
  '/node_modules/ioredis/',
  '/node_modules/playwright-core/',
];

beforeAll(() => {
  // The build npm run setup makes; incremental, so quick when it is already fresh.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT });
}, 120_000);

async function loaded(args: string[]): Promise<{ urls: string[]; stdout: string }> {
  const trace = path.join(tempDir('tw-trace'), 'imports.txt');
  const { stdout } = await run(process.execPath, ['--import', HOOK, BIN, ...args], {
    env: { ...process.env, TRACE_IMPORTS_FILE: trace },
  });
  return { urls: readFileSync(trace, 'utf8').trim().split('\n'), stdout };
}

describe('command start-up', () => {
  it('--help runs the compiled build and loads no crawler, queue or Redis code', async () => {
    const { urls, stdout } = await loaded(['--help']);
    expect(stdout).toContain('Usage: tinwatch');
    expect(urls.some((u) => u.endsWith('/dist/app/cli/main.js'))).toBe(true);
    expect(urls.filter((u) => u.includes('/tsx/'))).toEqual([]);
    for (const heavy of HEAVY)
      expect(
        urls.filter((u) => u.includes(heavy)),
        heavy,
      ).toEqual([]);
  });

  it('extract loads the extractor but no crawler, queue or Redis code', async () => {
    const { urls, stdout } = await loaded(['extract', PAGE]);
    expect(stdout.length).toBeGreaterThan(500);
    expect(urls.some((u) => u.includes('/dist/src/extract/extract-article.js'))).toBe(true);
    for (const heavy of HEAVY)
      expect(
        urls.filter((u) => u.includes(heavy)),
        heavy,
      ).toEqual([]);
  });

  it('runs the TypeScript sources when one is newer than the build', async () => {
    const { atime, mtime } = statSync(STAMP);
    utimesSync(STAMP, new Date(0), new Date(0));
    try {
      const { urls } = await loaded(['--help']);
      expect(urls.some((u) => u.endsWith('/app/cli/main.ts'))).toBe(true);
      expect(urls.some((u) => u.startsWith(pathToFileURL(path.join(ROOT, 'dist')).href))).toBe(false);
    } finally {
      utimesSync(STAMP, atime, mtime);
    }
  });
});
