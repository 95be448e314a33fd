// Disk use per day and retention: texts and closed WARC files past their days go (a dry run
// only counts), open WARC files and manifest lines stay, a tombstone line per story says what
// went, when and why, and the report adds up per Vietnam day and counts what was pruned.
import { existsSync, mkdirSync, readFileSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneStorage, storageReport } from '../../src/archive/storage.js';
import { checkManifest } from '../../src/write/manifest-check.js';
import { MANIFEST_SCHEMA_VERSION } from '../../src/write/manifest-entry.js';
import { manifestLineProblems } from '../helpers/manifest-validator.js';
import { tempDir } from '../helpers/test-runtime.js';

const NOW = Date.parse('2026-08-30T12:00:00Z');
const DAY = 86_400_000;

function outDir(): string {
  const out = tempDir('tw-storage');
  mkdirSync(path.join(out, 'articles'));
  mkdirSync(path.join(out, 'warc'));
  const lines: string[] = [];
  // Two old stories (written 20 days ago, the second just after midnight in Vietnam the next day) and one new.
  const stories = [
    { seq: 0, at: NOW - 20 * DAY, text: 'a'.repeat(1000), warc: 5000 },
    { seq: 1, at: NOW - 20 * DAY + 10 * 3600_000, text: 'b'.repeat(2000), warc: 7000 },
    { seq: 2, at: NOW - DAY, text: 'c'.repeat(3000), warc: 9000 },
  ];
  for (const s of stories) {
    const file = `articles/00${s.seq}_000000000000000${s.seq}.txt`;
    writeFileSync(path.join(out, file), s.text);
    lines.push(
      JSON.stringify({
        type: 'article',
        schema_version: 2,
        seq: s.seq,
        id: `000000000000000${s.seq}`,
        url: 'https://vnexpress.net/a.html',
        outlet: 'VnExpress',
        file,
        written_at: new Date(s.at).toISOString(),
        warc: {
          file: `warc/${s.seq < 2 ? 'old' : 'new'}.warc.gz`,
          offset: 0,
          length: s.warc,
          record_id: '<urn:uuid:x>',
        },
      }),
    );
  }
  writeFileSync(path.join(out, 'manifest.jsonl'), `${lines.join('\n')}\n`);
  const old = path.join(out, 'warc', 'old.warc.gz');
  writeFileSync(old, Buffer.alloc(12_000));
  utimesSync(old, new Date(NOW - 15 * DAY), new Date(NOW - 15 * DAY));
  writeFileSync(path.join(out, 'warc', 'new.warc.gz'), Buffer.alloc(9_000));
  // A file still being written: its data under the final name, an empty marker beside it.
  const open = path.join(out, 'warc', 'writing.warc.gz');
  writeFileSync(open, Buffer.alloc(100));
  writeFileSync(`${open}.open`, '');
  utimesSync(open, new Date(NOW - 15 * DAY), new Date(NOW - 15 * DAY));
  return out;
}

describe('storage', () => {
  it('reports text and WARC bytes per Vietnam day, totals and bytes per article', async () => {
    const r = await storageReport(outDir());
    expect(r.days.map((d) => [d.day, d.articles, d.textBytes, d.warcBytes])).toEqual([
      ['2026-08-10', 1, 1000, 5000],
      ['2026-08-11', 1, 2000, 7000],
      ['2026-08-29', 1, 3000, 9000],
    ]);
    expect(r.totals).toMatchObject({ articles: 3, textBytes: 6000, warcBytes: 21000, warcFilesOnDisk: 3 });
    expect(r.perArticle).toEqual({ textBytes: 2000, warcBytes: 7000 });
  });

  it('deletes texts and closed WARC files past retention, keeps open files and the manifest; a dry run deletes nothing', async () => {
    const out = outDir();
    const dry = await pruneStorage(out, { textDays: 10, warcDays: 10 }, { dryRun: true, now: NOW });
    expect(dry).toEqual({ textFiles: 2, warcFiles: 1, bytes: 1000 + 2000 + 12_000, tombstones: 0 });
    expect(existsSync(path.join(out, 'articles/000_0000000000000000.txt'))).toBe(true);
    const before = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8');
    expect(await pruneStorage(out, { textDays: 10, warcDays: 10 }, { now: NOW })).toMatchObject({ tombstones: 2 });
    expect(existsSync(path.join(out, 'articles/000_0000000000000000.txt'))).toBe(false);
    expect(existsSync(path.join(out, 'articles/002_0000000000000002.txt'))).toBe(true);
    expect(existsSync(path.join(out, 'warc/old.warc.gz'))).toBe(false);
    expect(existsSync(path.join(out, 'warc/new.warc.gz'))).toBe(true);
    expect(existsSync(path.join(out, 'warc/writing.warc.gz'))).toBe(true);
    const after = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8');
    expect(after.startsWith(before)).toBe(true); // the lines stay
    const added = after.slice(before.length).trim().split('\n');
    expect(manifestLineProblems(added)).toEqual([]);
    expect(added.map((l) => JSON.parse(l) as object)).toEqual([
      {
        type: 'tombstone',
        schema_version: MANIFEST_SCHEMA_VERSION,
        id: '0000000000000000',
        seq: 0,
        removed_at: new Date(NOW).toISOString(),
        reason: 'text retention 10 days; WARC retention 10 days',
        removed: { text: 'articles/000_0000000000000000.txt', warc: 'warc/old.warc.gz', bytes: 1000 + 12_000 },
      },
      {
        type: 'tombstone',
        schema_version: MANIFEST_SCHEMA_VERSION,
        id: '0000000000000001',
        seq: 1,
        removed_at: new Date(NOW).toISOString(),
        reason: 'text retention 10 days; WARC retention 10 days',
        removed: { text: 'articles/001_0000000000000001.txt', warc: 'warc/old.warc.gz', bytes: 2000 },
      },
    ]);
    const report = await storageReport(out);
    expect(report.totals).toMatchObject({ articles: 3, textBytes: 3000, warcBytes: 9000 });
    expect(report.pruned).toEqual({ stories: 2, texts: 2, warcCaptures: 2, bytes: 15_000 });
    // manifest check: what the tombstones explain is not missing.
    expect(await checkManifest(out)).toMatchObject({ missing: [], unlisted: [] });
    // A second run finds nothing more to remove and records nothing twice.
    expect(await pruneStorage(out, { textDays: 10, warcDays: 10 }, { now: NOW })).toMatchObject({ tombstones: 0 });
  });

  it('keeps everything when retention is 0 (the default)', async () => {
    expect(await pruneStorage(outDir(), { textDays: 0, warcDays: 0 }, { now: NOW })).toEqual({
      textFiles: 0,
      warcFiles: 0,
      bytes: 0,
      tombstones: 0,
    });
  });

  it('manifest check compares the manifest with the disk both ways', async () => {
    const out = outDir();
    expect(await checkManifest(out)).toMatchObject({ damaged: [], missing: [], unlisted: [] });
    unlinkSync(path.join(out, 'articles/001_0000000000000001.txt'));
    writeFileSync(path.join(out, 'articles/009_0000000000000009.txt'), 'lạc');
    writeFileSync(path.join(out, 'warc/stray.warc.gz'), '');
    const r = await checkManifest(out);
    expect(r.missing).toEqual([{ line: 2, file: 'articles/001_0000000000000001.txt' }]);
    expect(r.unlisted).toEqual(['articles/009_0000000000000009.txt', 'warc/stray.warc.gz']);
  });

  it('prunes a revision file with a tombstone of its own; manifest check counts revision files both ways', async () => {
    const out = outDir();
    const revision = 'articles/revisions/000_0000000000000000.r2.txt';
    mkdirSync(path.join(out, 'articles/revisions'));
    writeFileSync(path.join(out, revision), 'a'.repeat(1100));
    const edit = { type: 'edit', schema_version: 4, id: '0000000000000000', seq: 0, revision: 2, file: revision };
    writeFileSync(
      path.join(out, 'manifest.jsonl'),
      `${readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')}${JSON.stringify({ ...edit, written_at: new Date(NOW - 19 * DAY).toISOString(), warc: null })}\n`,
    );
    expect(await checkManifest(out)).toMatchObject({ missing: [], unlisted: [] });
    writeFileSync(path.join(out, 'articles/revisions/007_0000000000000007.r3.txt'), 'lạc');
    expect((await checkManifest(out)).unlisted).toEqual(['articles/revisions/007_0000000000000007.r3.txt']);
    unlinkSync(path.join(out, 'articles/revisions/007_0000000000000007.r3.txt'));

    const before = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8');
    expect(await pruneStorage(out, { textDays: 10, warcDays: 0 }, { now: NOW })).toMatchObject({ tombstones: 3 });
    expect(existsSync(path.join(out, revision))).toBe(false);
    const added = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8').slice(before.length).trim().split('\n');
    expect(manifestLineProblems(added)).toEqual([]);
    expect(added.map((l) => JSON.parse(l) as { id: string; removed: { text: string } })).toContainEqual(
      expect.objectContaining({ id: '0000000000000000', removed: { text: revision, warc: null, bytes: 1100 } }),
    );
    expect(await checkManifest(out)).toMatchObject({ missing: [], unlisted: [] });
  });
});
