// The consumer's side: a demo crawl ingested as a downstream archive would, with tools tinwatch
// does not use to write. Every manifest line validates against the published schemas (ajv,
// strict mode), and so does every `tinwatch export --with-text` line; no duplicate comes before
// its original, and it carries the original's written_at exactly; every WARC file opens with a
// warcinfo record (warcio's parser); `manifest check` finds the manifest and the disk agreeing.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runDemo } from '../../app/demo/demo.js';
import { exportLineProblems, manifestLineProblems } from '../helpers/manifest-validator.js';
import { tempDir, testPrefix } from '../helpers/test-runtime.js';
import { readWithWarcio } from '../helpers/warc-read.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

interface Line {
  type: string;
  id: string;
  written_at?: string;
  text?: string | null;
  duplicate_of: { id: string; written_at: string | null } | null;
}

describe('an archive ingesting a demo run', () => {
  const out = path.join(tempDir('tw-consumer'), 'out');
  let lines: string[];
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], { env: { ...process.env, TINWATCH_OUT: out, LOG_LEVEL: 'silent' } });

  beforeAll(async () => {
    // Its own Redis prefix: other demo tests may run at the same time.
    await runDemo(out, inject('redisUrl'), undefined, testPrefix());
    lines = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8').trim().split('\n');
  }, 120_000);

  it('validates every manifest line against the published schemas', () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(manifestLineProblems(lines)).toEqual([]);
  });

  it('validates every export --with-text line, each article with its text', async () => {
    const { stdout } = await cli('export', '--with-text');
    const exported = stdout.trim().split('\n');
    expect(exported).toHaveLength(lines.length);
    expect(exportLineProblems(exported)).toEqual([]);
    for (const l of exported.map((x) => JSON.parse(x) as Line))
      if (l.type === 'article') expect(typeof l.text, l.id).toBe('string');
  });

  it('puts every original before its duplicates, with the same written_at', () => {
    const seen = new Map<string, string>();
    const entries = lines.map((l) => JSON.parse(l) as Line);
    expect(entries.some((e) => e.type === 'duplicate')).toBe(true);
    for (const e of entries) {
      if (e.type === 'article') seen.set(e.id, e.written_at!);
      if (e.type !== 'duplicate') continue;
      expect(seen.has(e.duplicate_of!.id), `${e.id} before its original ${e.duplicate_of!.id}`).toBe(true);
      expect(e.duplicate_of!.written_at).toBe(seen.get(e.duplicate_of!.id));
    }
  });

  it('opens every WARC file with a warcinfo record', async () => {
    const files = readdirSync(path.join(out, 'warc')).filter((f) => f.endsWith('.warc.gz'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect((await readWithWarcio(path.join(out, 'warc', f)))[0]!.type, f).toBe('warcinfo');
  });

  it('finds the manifest and the disk agreeing both ways', async () => {
    const { stdout } = await cli('manifest', 'check');
    expect(stdout).toMatch(/0 damaged; 0 file\(s\) missing, 0 on disk but in no line/);
  });
});
