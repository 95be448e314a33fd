// `tinwatch export` as a downstream archive reads it: --since means the same instant whatever the
// shell's TZ (three zones, in child processes), the CSV has a column for every JSONL field and
// integers written as integers, and a text retention removed is said to be pruned.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/export/export-csv.js';
import { exportLineProblems } from '../helpers/manifest-validator.js';
import { tempDir } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

const article = (seq: number, writtenAt: string) => ({
  type: 'article',
  schema_version: 3,
  seq,
  file: `articles/${String(seq).padStart(3, '0')}_${seq.toString(16).padStart(16, '0')}.txt`,
  id: seq.toString(16).padStart(16, '0'),
  url: `https://vnexpress.net/bai-${5_000_000 + seq}.html`,
  canonical_url: `https://vnexpress.net/bai-${5_000_000 + seq}.html`,
  page_canonical: null,
  outlet: 'VnExpress',
  source_id: 'vnexpress',
  title: `Bài số ${seq}`,
  published_at: '2026-12-07T08:05:00+07:00',
  author: null,
  credit: null,
  section: null,
  fetched_at: writtenAt,
  written_at: writtenAt,
  content_hash: 'abcdefabcdefabcd',
  duplicate_of: null,
  relevance: {
    profile: 'p',
    verdict: 'on',
    borderline: false,
    score: 1.5,
    reason: 'r',
    top_terms: ['a'],
    profiles: {},
  },
  matched_rules: ['alliance'],
  extraction: { fallbacks: [] },
  warc: {
    file: 'warc/x.warc.gz',
    offset: 1024 * seq,
    length: 900,
    record_id: '<urn:uuid:00000000-0000-4000-8000-000000000000>',
  },
});
const duplicate = {
  type: 'duplicate',
  schema_version: 3,
  id: 'd000000000000001',
  url: 'https://baotintuc.vn/x-1.htm',
  canonical_url: 'https://baotintuc.vn/x-1.htm',
  outlet: 'Báo Tin tức',
  source_id: 'baotintuc',
  title: 't',
  published_at: null,
  fetched_at: '2026-12-07T00:20:02.000Z',
  content_hash: 'abcdefabcdefabcd',
  duplicate_of: {
    id: article(1, '').id,
    url: article(1, '').url,
    outlet: 'VnExpress',
    written_at: '2026-12-07T00:19:00.000Z',
  },
  match: { kind: 'near', similarity: 0.81, containment: 0.9 },
  warc: null,
};
const tombstone = {
  type: 'tombstone',
  schema_version: 3,
  id: article(2, '').id,
  seq: 2,
  removed_at: '2026-12-07T02:00:00.000Z',
  reason: 'text retention 1 days',
  removed: { text: article(2, '').file, warc: null, bytes: 30 },
};

const edit = {
  type: 'edit',
  schema_version: 4,
  id: article(3, '').id,
  seq: 3,
  revision: 2,
  file: `articles/revisions/003_${article(3, '').id}.r2.txt`,
  previous_file: article(3, '').file,
  url: article(3, '').url,
  canonical_url: article(3, '').canonical_url,
  outlet: 'VnExpress',
  source_id: 'vnexpress',
  title: 'Bài số 3 (cập nhật)',
  published_at: '2026-12-07T08:05:00+07:00',
  detected_by: 'relisted',
  fetched_at: '2026-12-07T03:00:00.000Z',
  previous_fetched_at: '2026-12-07T00:20:00.000Z',
  written_at: '2026-12-07T03:00:01.000Z',
  content_hash: 'b'.repeat(32),
  previous_content_hash: 'a'.repeat(32),
  changed: { title: { before: 'Bài số 3', after: 'Bài số 3 (cập nhật)' }, lead: false, body: true },
  diff: {
    words_added: 4,
    words_removed: 1,
    paragraphs_added: 0,
    paragraphs_removed: 0,
    paragraphs_changed: 2,
    examples: [{ before: '', after: '(cập nhật)' }],
    summary: '+4 −1 words; 2 paragraphs changed',
  },
  warc: null,
};

// Around 2026-12-07T07:20:01 Vietnam time = 00:20:01Z.
const lines = [
  article(1, '2026-12-07T00:19:00.000Z'),
  article(2, '2026-12-07T00:20:00.000Z'),
  article(3, '2026-12-07T00:20:01.000Z'),
  duplicate,
  tombstone,
  edit,
];

function outDir(): string {
  const out = tempDir('tw-export-contract');
  mkdirSync(path.join(out, 'articles'));
  for (const seq of [1, 3]) writeFileSync(path.join(out, article(seq, '').file), `Bài số ${seq}\n\nNội dung.`);
  writeFileSync(path.join(out, 'manifest.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return out;
}

const tw = (out: string, tz: string, ...args: string[]) =>
  run(process.execPath, [BIN, 'export', ...args], {
    env: { ...process.env, TZ: tz, TINWATCH_OUT: out, LOG_LEVEL: 'silent' },
  });

const ids = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: string }).id);

describe('export for archives', () => {
  it('reads --since the same in every shell time zone: offsets as given, no offset and bare dates as Vietnam time', async () => {
    const out = outDir();
    for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York']) {
      const noOffset = await tw(out, tz, '--since', '2026-12-07T07:20:01');
      const vn = await tw(out, tz, '--since', '2026-12-07T07:20:01+07:00');
      const z = await tw(out, tz, '--since', '2026-12-07T00:20:01Z');
      const day = await tw(out, tz, '--since', '2026-12-07');
      expect(ids(noOffset.stdout), tz).toEqual([article(3, '').id, duplicate.id, tombstone.id, edit.id]);
      expect(vn.stdout, tz).toBe(noOffset.stdout);
      expect(z.stdout, tz).toBe(noOffset.stdout);
      expect(ids(day.stdout), tz).toHaveLength(lines.length);
    }
  });

  it('says in its help what a bare date means', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'export', '--help']);
    expect(stdout.replace(/\s+/g, ' ')).toMatch(/a date \(2026-12-07: that day in Vietnam, from 00:00 \+07:00/);
  });

  it('writes a CSV column for every JSONL field but the text, integers as integers', async () => {
    const { stdout } = await tw(outDir(), 'UTC', '--format', 'csv');
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(lines.length);
    const columns = Object.keys(rows[0]!);
    expect(columns).toEqual(CSV_COLUMNS.map(([c]) => c));
    for (const c of ['schema_version', 'canonical_url', 'content_hash', 'warc_length', 'warc_record_id'])
      expect(columns).toContain(c);
    // Each integer column holds integers or nothing: never 7.0, never text.
    for (const c of ['seq', 'schema_version', 'warc_offset', 'warc_length', 'removed_bytes'])
      for (const r of rows) expect(r[c], `${c} of ${r.id}`).toMatch(/^(?:\d+)?$/);
    expect(rows[0]).toMatchObject({ seq: '1', warc_length: '900', warc_offset: '1024', relevance_score: '1.5' });
    expect(rows[3]).toMatchObject({ type: 'duplicate', seq: '', duplicate_of_written_at: '2026-12-07T00:19:00.000Z' });
    expect(rows[4]).toMatchObject({ type: 'tombstone', removed_text: tombstone.removed.text, removed_bytes: '30' });
    expect(rows[5]).toMatchObject({
      type: 'edit',
      revision: '2',
      changed_title_after: 'Bài số 3 (cập nhật)',
      changed_body: 'true',
      diff_words_added: '4',
      diff_summary: edit.diff.summary,
    });
    for (const c of ['revision', 'diff_words_added', 'diff_words_removed', 'diff_paragraphs_changed'])
      for (const r of rows) expect(r[c], `${c} of ${r.id}`).toMatch(/^(?:\d+)?$/);
  });

  it('says "pruned" where retention removed a text, and every line keeps the published export schema', async () => {
    const { stdout, stderr } = await tw(outDir(), 'UTC', '--with-text');
    const out = stdout.trim().split('\n');
    expect(exportLineProblems(out)).toEqual([]);
    const pruned = JSON.parse(out[1]!) as { text: unknown; text_unavailable: string };
    // When and why, from the tombstone.
    expect(pruned).toMatchObject({
      text: null,
      text_unavailable: 'pruned',
      pruned: { removed_at: tombstone.removed_at, reason: tombstone.reason },
    });
    expect(JSON.parse(out.at(-1)!)).toMatchObject({ type: 'edit', revision: 2 });
    expect(JSON.parse(out[0]!)).toMatchObject({ text: 'Bài số 1\n\nNội dung.' });
    expect(stderr).not.toContain('missing');
    const csv = parse((await tw(outDir(), 'UTC', '--format', 'csv', '--with-text')).stdout, {
      columns: true,
    }) as Record<string, string>[];
    expect(csv[1]).toMatchObject({
      text: '',
      text_unavailable: 'pruned',
      text_pruned_at: tombstone.removed_at,
      text_pruned_reason: tombstone.reason,
    });
  });
});
