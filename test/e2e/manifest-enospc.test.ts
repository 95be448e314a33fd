// A full disk in the middle of a manifest append (a real ENOSPC, on a small tmpfs): the write
// fails, the fragment it left is never taken for the story's line, the retried line is not glued
// to it, `manifest check` finds the fragment and --repair removes it, and a failed article write
// leaves no temp file behind.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendManifest, manifestTailHasStory, writeArticleFile } from '../../src/write/article-files.js';
import { checkManifest } from '../../src/write/manifest-check.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tw-enospc-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  mounted = true;
} catch {
  process.stderr.write(
    'manifest-enospc: skipped, mounting a tmpfs needs root (the ENOSPC test runs where it is allowed)\n',
  );
}

/** Fills the file system to the last byte. */
function fill(): string {
  const filler = path.join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(1024, 120);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // ENOSPC: full
  } finally {
    closeSync(fd);
  }
  return filler;
}

const entry = (id: string, title = 'Hàn Quốc và Mỹ tập trận') => ({
  type: 'article',
  id,
  title,
  url: `https://x/${id}`,
});

describe.skipIf(!mounted)('manifest on a full disk', () => {
  beforeAll(async () => {
    await appendManifest(dir, entry('aaaaaaaaaaaaaaaa'));
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('never tears a line for good: fragment ended, never matched, retried line whole, repair removes it', async () => {
    const filler = fill();
    const torn = 'bbbbbbbbbbbbbbbb';
    await expect(appendManifest(dir, entry(torn, 'x'.repeat(20_000)))).rejects.toThrow(/ENOSPC/);
    expect(await manifestTailHasStory(dir, torn)).toBe(false);
    unlinkSync(filler); // space comes back; the job is retried
    await appendManifest(dir, entry(torn));
    await appendManifest(dir, entry('cccccccccccccccc'));
    const lines = readFileSync(path.join(dir, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean);
    const parsed = lines.flatMap((l) => {
      try {
        return [(JSON.parse(l) as { id: string }).id];
      } catch {
        return [];
      }
    });
    expect(parsed).toEqual(['aaaaaaaaaaaaaaaa', torn, 'cccccccccccccccc']);
    expect(await manifestTailHasStory(dir, torn)).toBe(true);
    const check = await checkManifest(dir);
    // The disk took part of the long line: that fragment is the one damaged line.
    expect(lines).toHaveLength(4);
    expect(check.damaged).toHaveLength(1);
    const repaired = await checkManifest(dir, { repair: true });
    expect(repaired.damaged).toEqual(check.damaged);
    expect(await checkManifest(dir)).toMatchObject({ lines: 3, damaged: [] });
  });

  it('a failed article write removes its own temp file', async () => {
    const filler = fill();
    await expect(writeArticleFile(dir, '000123_abcdefabcdefabcd.txt', 'y'.repeat(50_000))).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(path.join(dir, 'articles'))).toEqual([]);
    unlinkSync(filler);
  });
});
