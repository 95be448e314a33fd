// Ordinary mistakes a user makes at the command line end in one line on stderr and a non-zero
// exit, never a stack trace: a busy dashboard port, a replay folder that is not there, a bad
// --limit, a retry of a job that does not exist, the demo's refusal, a selector that does not parse.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { parseSources, sourceById } from '../../config/load-sources.js';
import { createLogger } from '../../base/logger.js';
import { freePort } from '../../base/redis/embedded-redis.js';
import { resolveRedis } from '../../base/redis/resolve-redis.js';
import { tempDir, testPrefix } from '../helpers/test-runtime.js';

const vnexpress = sourceById('vnexpress');

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

interface Failure {
  code: number;
  stderr: string;
}

async function fails(args: string[], env: Record<string, string> = {}): Promise<Failure> {
  const res = await run(process.execPath, [BIN, ...args], {
    env: { ...process.env, REDIS_URL: inject('redisUrl'), TINWATCH_PREFIX: testPrefix(), LOG_LEVEL: 'silent', ...env },
  }).catch((e: Failure) => e);
  expect(res, `tinwatch ${args.join(' ')} should fail`).toHaveProperty('code');
  const f = res as Failure;
  expect(f.stderr, 'no stack trace').not.toMatch(/\n\s+at |node:internal|Unhandled/);
  return f;
}

const lastLine = (s: string): string => s.trim().split('\n').at(-1)!;

describe('ordinary mistakes at the command line', () => {
  it('a dashboard port already taken says so and which option changes it', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as { port: number }).port;
    try {
      const f = await fails(['dashboard', '--dashboard-port', String(port)]);
      expect(f.code).toBe(2);
      expect(f.stderr.trim()).toBe(
        `tinwatch: dashboard: port ${port} on 127.0.0.1 is already in use (another tinwatch?); choose one with --dashboard-port`,
      );
    } finally {
      busy.close();
    }
  });

  it('replay of a folder that is not there', async () => {
    const f = await fails(['replay', '/nonexistent-tinwatch-folder']);
    expect(f).toMatchObject({ code: 2 });
    expect(f.stderr.trim()).toBe(
      'tinwatch: replay: /nonexistent-tinwatch-folder is not a folder of recorded pages (DIR/<host>/<path>)',
    );
  });

  it('skipped --limit that is not a number', async () => {
    const f = await fails(['skipped', '--limit', 'abc']);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('--limit takes a whole number from 1 to 1000, not "abc"');
    expect(f.stderr.trim().split('\n').length).toBeLessThanOrEqual(2); // the error and the --help hint
  });

  it('an unknown option or command, a port or a day that is not one: exit 2 with one line, before anything starts', async () => {
    expect((await fails(['crawl', '--bogus'])).code).toBe(2);
    expect((await fails(['no-such-command'])).code).toBe(2);
    const port = await fails(['start', '--dashboard-port', 'abc']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--dashboard-port takes a port number from 0 to 65535, not "abc"');
    expect(port.stderr).not.toMatch(/job schedulers|options\.port/); // refused before starting
    const day = await fails(['report', '--day', '2026-13-45']);
    expect(day.code).toBe(2);
    expect(day.stderr.trim()).toBe('tinwatch: --day: "2026-13-45" is not a day (YYYY-MM-DD)');
  });

  it('a writer given a file as --out says it is not a folder', async () => {
    const file = path.join(tempDir('tw-mistake-out'), 'a-file');
    writeFileSync(file, 'x\n');
    const f = await fails(['crawl', '--once', '--source', 'vnexpress', '--out', file]);
    expect(f.code).toBe(2);
    expect(f.stderr.trim()).toBe(`tinwatch: output folder ${file} is not a folder`);
  });

  it('retry of a job id that does not exist', async () => {
    const f = await fails(['retry', 'no-such-job']);
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('tinwatch: no failed job no-such-job in the crawl, article, alert queue(s)');
  });

  it("the demo's refusal of a folder it did not fill", async () => {
    const out = tempDir('tw-mistake-demo');
    mkdirSync(path.join(out, 'articles'));
    writeFileSync(path.join(out, 'manifest.jsonl'), '{"precious":true}\n');
    const f = await fails(['demo', '--out', out]);
    expect(f.code).toBe(1);
    expect(lastLine(f.stderr)).toMatch(/^tinwatch: .*holds files that a demo did not write/);
  });

  it('a REDIS_URL nothing answers on: one line naming the address and the cause, exit 2, in seconds', async () => {
    const port = await freePort();
    const started = Date.now();
    const f = await fails(['failed'], { REDIS_URL: `redis://:secret@127.0.0.1:${port}` });
    expect(f.code).toBe(2);
    expect(f.stderr.trim()).toBe(
      `tinwatch: cannot reach Redis at redis://:***@127.0.0.1:${port} (REDIS_URL): ECONNREFUSED`,
    );
    // Generous for a loaded machine; the point is that it ends (it used to retry for ever).
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('a REDIS_URL that is not a redis:// URL names the variable', async () => {
    const f = await fails(['failed'], { REDIS_URL: 'http://127.0.0.1:6473' });
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('REDIS_URL');
    expect(f.stderr).toContain('a redis:// or rediss:// URL');
  });

  it('a program that is not Redis on the default port is named as such', async () => {
    const impostor = createServer((socket) => socket.on('data', () => undefined)); // accepts, never answers
    await new Promise<void>((r) => impostor.listen(0, '127.0.0.1', () => r()));
    const port = (impostor.address() as { port: number }).port;
    try {
      await expect(
        resolveRedis({ dataDir: tempDir('tw-impostor'), log: createLogger('silent'), defaultPort: port }),
      ).rejects.toThrow(
        `127.0.0.1:${port} is taken by a program that is not Redis (it did not answer PING): stop it, or set REDIS_URL to your Redis`,
      );
    } finally {
      impostor.close();
    }
  });

  it('a selector that does not parse fails the configuration, naming file and field', () => {
    expect(() =>
      parseSources({ 'x.ts': { ...vnexpress, extract: { ...vnexpress.extract, body: ['article.fck_detail['] } } }),
    ).toThrow(/config\/sources\/x\.ts: extract\.body\.0: not a valid CSS selector/);
    expect(() =>
      parseSources({ 'x.ts': { ...vnexpress, extract: { ...vnexpress.extract, drop: ['div:eq(2)', 'figure'] } } }),
    ).not.toThrow();
  });

  it('a watchlist edit with a syntax error names file and line, and leaves commands that need no rules working', async () => {
    const file = path.join(tempDir('tw-wl'), 'watchlist.yaml');
    writeFileSync(file, 'channels:\n  log: { type: log\nrules: []\n');
    const f = await fails(['crawl', '--once', '--source', 'vnexpress'], { TINWATCH_WATCHLIST: file });
    expect(f.code).toBe(2);
    expect(lastLine(f.stderr)).toMatch(/^tinwatch: .*watchlist\.yaml:3:\d+: not valid YAML: /);
    const page = path.resolve(
      import.meta.dirname,
      '../../app/demo/sites/vnexpress.net/han-quoc-my-hop-nhom-tham-van-hat-nhan-lan-thu-nam-5112299.html',
    );
    const ok = await run(process.execPath, [BIN, 'extract', page], {
      env: { ...process.env, TINWATCH_WATCHLIST: file },
    });
    expect(ok.stdout.length).toBeGreaterThan(200);
  });
});
