// `tinwatch extract` on any page, as a user trying a new outlet would: a host with no source file
// is read by the generic extractor and says so; the URL defaults to the page's canonical; several
// files and stdin work; a page that states no URL is one line and exit 2.
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { tempDir } from '../helpers/test-runtime.js';
import { testArticlePage } from '../helpers/test-source.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
const [a, b] = loadEvalArticles().filter((x) => x.onTopic);
const dir = tempDir('tw-extract-any');
const page = (article: typeof a, canonical: string | null) =>
  testArticlePage(article!).replace(
    '<html>',
    `<html><head>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}<title>x</title></head>`,
  );
const fileA = path.join(dir, 'a.html');
const fileB = path.join(dir, 'b.html');
const noUrl = path.join(dir, 'no-url.html');
writeFileSync(fileA, page(a, 'https://plo.vn/quoc-te/han-my-tap-tran-post1234567.html'));
writeFileSync(fileB, page(b, 'https://www.nhandan.vn/the-gioi/bai-viet-7654321.html'));
writeFileSync(noUrl, page(a, null));

describe('tinwatch extract on any page', () => {
  it('reads a host with no source file with the generic extractor, says so, and shows it in --json', async () => {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'extract', fileA, '--json']);
    expect(stderr).toContain('no source file covers plo.vn: generic extractor');
    const json = JSON.parse(stdout) as { source: string; url: string; title: string; paragraphs: string[] };
    expect(json).toMatchObject({ source: 'generic', url: 'https://plo.vn/quoc-te/han-my-tap-tran-post1234567.html' });
    expect(json.title).toBe(a!.title);
    expect(json.paragraphs.length).toBeGreaterThan(0);
  });

  it('prints several files one after another, and one JSON object per line with --json', async () => {
    const text = (await run(process.execPath, [BIN, 'extract', fileA, fileB])).stdout;
    expect(text).toContain(`==> ${fileA} <==\n${a!.title}`);
    expect(text).toContain(`==> ${fileB} <==\n${b!.title}`);
    const lines = (await run(process.execPath, [BIN, 'extract', fileA, fileB, '--json'])).stdout.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { file: string }).file)).toEqual([fileA, fileB]);
  });

  it('reads a page from stdin with -', async () => {
    const child = spawn(process.execPath, [BIN, 'extract', '-', '--url', 'https://example.org/a-1.html'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stdin.end(page(b, null));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out.startsWith(b!.title)).toBe(true);
  });

  it('asks for --url in one line, exit 2, when the page states no canonical URL', async () => {
    await expect(run(process.execPath, [BIN, 'extract', noUrl])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^tinwatch: .*no-url\.html: the page states no canonical URL; pass --url URL\n$/),
    });
  });
});
