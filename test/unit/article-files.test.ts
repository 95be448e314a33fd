// Article files and manifest lines land even when the output folder is removed while tinwatch
// runs (folders are created once per process, and again on ENOENT).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendManifest, manifestPath, writeArticleFile } from '../../src/write/article-files.js';
import { tempDir } from '../helpers/test-runtime.js';

describe('article files', () => {
  it('writes again after the output folder was deleted under it', async () => {
    const out = path.join(tempDir('tw-files'), 'out');
    await writeArticleFile(out, '000_0123456789abcdef.txt', 'first');
    await appendManifest(out, { id: 'a' });
    rmSync(out, { recursive: true, force: true });
    const file = await writeArticleFile(out, '001_0123456789abcdee.txt', 'second');
    await appendManifest(out, { id: 'b' });
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readFileSync(manifestPath(out), 'utf8')).toBe('{"id":"b"}\n');
    expect(existsSync(path.join(out, 'articles', '000_0123456789abcdef.txt'))).toBe(false);
  });

  it('refuses a file name not made of a sequence number and a story id', async () => {
    await expect(writeArticleFile(tempDir('tw-files'), '../escape.txt', 'x')).rejects.toThrow('refusing file name');
  });
});
