// `kill -TERM` to npm's process (a supervisor stopping `npm start`) reaches node, which stops:
// the start script execs node, so npm forwards the signal to node itself instead of to a shell
// that dies and leaves node serving; node's shutdown is bounded by SHUTDOWN_GRACE_MS.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SHUTDOWN_GRACE_MS } from '../../app/cli/shutdown.js';
import { tempDir, testPrefix } from '../helpers/test-runtime.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

describe('SIGTERM to npm start', () => {
  it('stops node, after saying it shuts down', async () => {
    const npm = spawn('npm', ['start', '--', '--no-dashboard', '--no-first-crawl', '--out', tempDir('tw-sig')], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: inject('redisUrl'), TINWATCH_PREFIX: testPrefix(), LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    npm.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    for (let i = 0; i < 900 && !out.includes('"msg":"tinwatch started"'); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain('"msg":"tinwatch started"');
    // Every process under npm (node itself, or a shell and node under it): all must stop.
    const tree = descendants(npm.pid!);
    expect(tree.length).toBeGreaterThan(0);
    const sent = Date.now();
    npm.kill('SIGTERM');
    while (tree.some(alive) && Date.now() - sent < 30_000) await new Promise((r) => setTimeout(r, 50));
    expect(tree.filter(alive)).toEqual([]);
    expect(out).toContain('"signal":"SIGTERM","msg":"shutting down: finishing in-flight jobs"');
    // Bounded by the grace period plus the exit itself (loose: the machine may be loaded).
    expect(Date.now() - sent).toBeLessThan(SHUTDOWN_GRACE_MS + 6_000);
  }, 120_000);
});
