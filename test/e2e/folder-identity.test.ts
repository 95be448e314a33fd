// One folder, one identity (issue 36): the output folder records the Redis prefix that writes
// it; another prefix is refused in one line before anything is fetched, a command with no prefix
// set reads the folder's (the demo's output needs no setting), numbers never repeat, and every
// command that reads or writes `--out` checks it at start (exit 2, one line).
import { execFile } from 'node:child_process';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { runExport } from '../../app/cli/export-command.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { createRuntime } from '../../pipeline/runtime/runtime.js';
import { appendManifest } from '../../src/write/article-files.js';
import { IDENTITY_FILE } from '../../src/write/folder-identity.js';
import { assignSequence } from '../../src/write/sequence.js';
import { tempDir, testPrefix, testRuntime } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

describe('one output folder, one identity', () => {
  it('records its prefix; a second prefix is refused; no prefix set reads the folder’s; numbers never repeat', async () => {
    const outDir = tempDir('tw-ident');
    const a = await testRuntime({ outDir });
    const b = testPrefix();
    try {
      expect(JSON.parse(readFileSync(path.join(outDir, IDENTITY_FILE), 'utf8'))).toMatchObject({
        prefix: a.keys.prefix,
      });
      expect(await assignSequence(a.redis, a.keys, '0000000000000001')).toBe(0);
      await appendManifest(outDir, { type: 'article', id: '0000000000000001', seq: 0 });
      await expect(testRuntime({ outDir, prefix: b })).rejects.toThrow(
        new RegExp(`written under Redis prefix "${a.keys.prefix}" .* this run uses "${b}"`),
      );
      // Nothing of the refused prefix was left in Redis to number anything.
      expect(await a.redis.exists(`${b}:seq`, `${b}:out-folder`)).toBe(0);
      // No prefix chosen: the folder's.
      const reader = await createRuntime({
        env: { REDIS_URL: inject('redisUrl'), TINWATCH_OUT: outDir },
        log: pino({ level: 'silent' }),
      });
      try {
        expect(reader.keys.prefix).toBe(a.keys.prefix);
        expect(await assignSequence(reader.redis, reader.keys, '0000000000000002')).toBe(1);
      } finally {
        await reader.close();
      }
    } finally {
      await clearPrefix(a.redis, b);
      await a.cleanup();
    }
  });

  it('a folder written before identities is adopted only by the Redis whose counter is past its files', async () => {
    const outDir = tempDir('tw-ident');
    const prefix = testPrefix();
    const first = await testRuntime({ outDir, prefix });
    await assignSequence(first.redis, first.keys, '0000000000000001');
    await appendManifest(outDir, { type: 'article', id: '0000000000000001', seq: 0 });
    unlinkSync(path.join(outDir, IDENTITY_FILE));
    // Another prefix, whose counter is at 0, would number file 000 again: refused.
    await expect(testRuntime({ outDir })).rejects.toThrow(/holds no record of .*tinwatch recover/);
    // The prefix that wrote it (counter at 1) adopts it.
    const again = await testRuntime({ outDir, prefix });
    expect(JSON.parse(readFileSync(path.join(outDir, IDENTITY_FILE), 'utf8'))).toMatchObject({ prefix });
    await again.cleanup();
    await first.close();
  });

  it('checks --out at start: missing, not a folder, not creatable — one line, exit 2', async () => {
    const missing = path.join(tempDir('tw-ident'), 'nope');
    const file = path.join(tempDir('tw-ident'), 'a-file');
    writeFileSync(file, 'x');
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) } };
    expect(await runExport(missing, {}, io)).toBe(2);
    expect(err).toMatch(/^tinwatch export: output folder .*nope does not exist/);
    await expect(testRuntime({ outDir: file })).rejects.toThrow(/a-file is not a folder/);
    await expect(testRuntime({ outDir: path.join(file, 'under') })).rejects.toThrow(/cannot be created/);
    for (const args of [
      ['storage', 'report'],
      ['manifest', 'check'],
    ]) {
      const r = run(process.execPath, [BIN, '--out', missing, ...args], {
        env: { ...process.env, LOG_LEVEL: 'silent' },
      });
      await expect(r, args.join(' ')).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^tinwatch: output folder .*nope does not exist/),
      });
    }
  }, 60_000);
});
