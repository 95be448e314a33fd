// `export --follow` holds a position in the manifest (the last article seq and the entries after
// it), not a byte offset: after `manifest check --repair`, a truncation or a rotation it finds its
// place again and never skips or repeats a line; and the cursor it prints for the next pull
// counts the duplicate lines after the last article, so a later pull does not send them again.
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../app/cli/export-command.js';
import { checkManifest } from '../../src/write/manifest-check.js';
import { tempDir } from '../helpers/test-runtime.js';

const id = (n: number) => n.toString(16).padStart(16, '0');
const article = (seq: number) => ({
  type: 'article',
  schema_version: 2,
  seq,
  file: `articles/${String(seq).padStart(3, '0')}_${id(seq)}.txt`,
  id: id(seq),
  url: `https://vnexpress.net/bai-${5_000_000 + seq}.html`,
  outlet: 'VnExpress',
  source_id: 'vnexpress',
  title: `Bài ${seq}`,
  published_at: null,
  fetched_at: '2026-08-20T01:00:00.000Z',
  written_at: '2026-08-20T01:00:00.000Z',
  duplicate_of: null,
});
const duplicate = (n: number, of: number) => ({
  type: 'duplicate',
  schema_version: 2,
  id: `d${n}`.padStart(16, '0'),
  url: `https://baotintuc.vn/x-${n}.htm`,
  outlet: 'Báo Tin tức',
  source_id: 'baotintuc',
  title: 't',
  published_at: null,
  fetched_at: '2026-08-20T01:00:00.000Z',
  duplicate_of: { id: id(of), url: 'https://vnexpress.net/a.html', outlet: 'VnExpress', written_at: null },
});
const line = (e: object) => `${JSON.stringify(e)}\n`;

function folder(entries: object[], extra = ''): { out: string; manifest: string } {
  const out = tempDir('tw-follow');
  mkdirSync(path.join(out, 'articles'));
  const manifest = path.join(out, 'manifest.jsonl');
  writeFileSync(manifest, entries.map(line).join('') + extra);
  return { out, manifest };
}

/** A running `export --follow`: what it printed, as parsed lines. */
function follower(out: string, since?: string) {
  const stop = new AbortController();
  let stdout = '';
  let stderr = '';
  const done = runExport(
    out,
    { follow: true, ...(since ? { since } : {}) },
    {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      stop: stop.signal,
    },
  );
  const printed = () =>
    stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; seq?: number });
  return {
    printed,
    stderr: () => stderr,
    async waitFor(n: number) {
      for (let i = 0; i < 400 && printed().length < n; i++) await new Promise((r) => setTimeout(r, 50));
      // and nothing more than that arrives
      await new Promise((r) => setTimeout(r, 1_300));
      expect(printed().length).toBe(n);
    },
    async stop() {
      stop.abort();
      expect(await done).toBe(0);
    },
  };
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('export --follow holds a position, not a byte offset', () => {
  it('after manifest check --repair, the next new line is printed, once', async () => {
    const { out, manifest } = folder([article(1), article(2)], '{"type":"article","se\n');
    const f = follower(out);
    await f.waitFor(2);
    expect((await checkManifest(out, { repair: true })).repaired).toBe(true);
    appendFileSync(manifest, line(article(3)));
    await f.waitFor(3);
    await f.stop();
    expect(ids(f.printed())).toEqual([id(1), id(2), id(3)]);
    expect(f.stderr().match(/skipped a damaged manifest line/g)).toHaveLength(1); // the fragment itself
  }, 30_000);

  it('after a truncation, every new line is printed', async () => {
    const { out, manifest } = folder([article(1), article(2), article(3)]);
    const f = follower(out);
    await f.waitFor(3);
    writeFileSync(manifest, '');
    for (let seq = 10; seq < 20; seq++) appendFileSync(manifest, line(article(seq)));
    await f.waitFor(13);
    await f.stop();
    expect(ids(f.printed()).slice(3)).toEqual(Array.from({ length: 10 }, (_, i) => id(10 + i)));
    expect(f.stderr()).toMatch(/manifest\.jsonl was truncated or replaced/);
  }, 30_000);

  it('after a rotation (renamed away, a new file started), every new line is printed', async () => {
    const { out, manifest } = folder([article(1), article(2), article(3)]);
    const f = follower(out);
    await f.waitFor(3);
    renameSync(manifest, path.join(out, 'manifest.1.jsonl'));
    for (let seq = 10; seq < 20; seq++) appendFileSync(manifest, line(article(seq)));
    await f.waitFor(13);
    await f.stop();
    expect(ids(f.printed()).slice(3)).toEqual(Array.from({ length: 10 }, (_, i) => id(10 + i)));
  }, 30_000);

  it('a rewrite that keeps the old lines (a copy renamed over it) neither repeats nor skips', async () => {
    const { out, manifest } = folder([article(1), duplicate(1, 1), article(2)]);
    const f = follower(out);
    await f.waitFor(3);
    writeFileSync(`${manifest}.tmp`, [article(1), duplicate(1, 1), article(2), article(3)].map(line).join(''));
    renameSync(`${manifest}.tmp`, manifest);
    await f.waitFor(4);
    await f.stop();
    expect(ids(f.printed())).toEqual([id(1), `d1`.padStart(16, '0'), id(2), id(3)]);
  }, 30_000);
});

describe('the next-pull cursor counts the duplicate lines after the last article (issue 37)', () => {
  it('a later pull with the printed cursor sends neither the article nor its duplicate again', async () => {
    const { out, manifest } = folder([article(1), article(2), duplicate(1, 2)]);
    const pull = async (since?: string) => {
      let stdout = '';
      let stderr = '';
      const code = await runExport(out, since ? { since } : {}, {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
      });
      expect(code).toBe(0);
      const next = /next pull: tinwatch export --since (\S+)/.exec(stderr)?.[1];
      return { lines: stdout.split('\n').filter(Boolean).length, next };
    };
    const first = await pull();
    expect(first).toEqual({ lines: 3, next: '2+1' });
    expect(await pull(first.next)).toEqual({ lines: 0, next: '2+1' });
    appendFileSync(manifest, line(duplicate(2, 1)));
    expect(await pull(first.next)).toEqual({ lines: 1, next: '2+2' });
    appendFileSync(manifest, line(article(3)));
    expect(await pull('2+2')).toEqual({ lines: 1, next: '3' });
    // The plain seq still means "after that article's line".
    expect((await pull('2')).lines).toBe(3);
  });
});
