// `tinwatch export` as an archive runs it: entries after a cursor (a seq, a date), as JSONL or
// CSV (read back by a real CSV parser), with texts, and --follow printing lines as they land.
import { execFile, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { getEventListeners } from 'node:events';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../app/cli/export-command.js';
import { tempDir } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

const article = (seq: number, writtenAt: string, title = `Bài số ${seq}`) => ({
  type: 'article',
  schema_version: 2,
  seq,
  file: `articles/${String(seq).padStart(3, '0')}_${seq.toString(16).padStart(16, '0')}.txt`,
  id: seq.toString(16).padStart(16, '0'),
  url: `https://vnexpress.net/bai-${5_000_000 + seq}.html`,
  canonical_url: `https://vnexpress.net/bai-${5_000_000 + seq}.html`,
  page_canonical: null,
  outlet: 'VnExpress',
  source_id: 'vnexpress',
  title,
  published_at: '2026-08-20T15:05:00+07:00',
  author: null,
  credit: null,
  section: null,
  fetched_at: writtenAt,
  written_at: writtenAt,
  content_hash: 'abcdefabcdefabcd',
  duplicate_of: null,
  relevance: { profile: 'p', verdict: 'on', borderline: false, score: 1, reason: 'r', top_terms: [], profiles: {} },
  matched_rules: ['alliance', 'drills'],
  extraction: { fallbacks: [] },
  warc: null,
});
const duplicate = (n: number, of: number, fetchedAt: string) => ({
  type: 'duplicate',
  schema_version: 2,
  id: `d${n}`.padStart(16, '0'),
  url: `https://baotintuc.vn/x-${n}.htm`,
  canonical_url: `https://baotintuc.vn/x-${n}.htm`,
  outlet: 'Báo Tin tức',
  source_id: 'baotintuc',
  title: 't',
  published_at: null,
  fetched_at: fetchedAt,
  content_hash: 'abcdefabcdefabcd',
  duplicate_of: {
    id: of.toString(16).padStart(16, '0'),
    url: 'https://vnexpress.net/a.html',
    outlet: 'VnExpress',
    written_at: null,
  },
  match: { kind: 'exact', similarity: 1, containment: 1 },
});

function outWith(entries: object[], extra = ''): string {
  const out = tempDir('tw-export');
  mkdirSync(path.join(out, 'articles'));
  for (const e of entries as { type: string; file?: string; title: string }[])
    if (e.type === 'article') writeFileSync(path.join(out, e.file!), `${e.title}\n\nNội dung, có "ngoặc kép".`);
  writeFileSync(path.join(out, 'manifest.jsonl'), entries.map((e) => `${JSON.stringify(e)}\n`).join('') + extra);
  return out;
}

const tw = (out: string, ...args: string[]) =>
  run(process.execPath, [BIN, 'export', ...args], { env: { ...process.env, TINWATCH_OUT: out, LOG_LEVEL: 'silent' } });

// Seq 3 lands after seq 4: concurrent workers append in the order they finish.
const entries = [
  article(1, '2026-08-20T01:00:00.000Z'),
  article(2, '2026-08-20T02:00:00.000Z'),
  article(4, '2026-08-21T03:00:00.000Z'),
  duplicate(1, 2, '2026-08-21T03:30:00.000Z'),
  article(3, '2026-08-21T04:00:00.000Z', 'Tiêu đề có dấu phẩy, và "ngoặc kép"'),
];

describe('tinwatch export', () => {
  it('prints every entry after the line of article SEQ, an earlier seq written later included', async () => {
    const out = outWith(entries);
    const { stdout, stderr } = await tw(out, '--since', '2');
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual([entries[2]!.id, entries[3]!.id, entries[4]!.id]);
    // The cursor for the next pull is the last article line printed.
    expect(stderr).toContain('3 entries; next pull: tinwatch export --since 3');
    const next = await tw(out, '--since', '3');
    expect(next.stdout).toBe('');
  });

  it('prints the entries written (or, for duplicates, fetched) from a date on', async () => {
    const { stdout } = await tw(outWith(entries), '--since', '2026-08-21T03:15:00Z');
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { type: string }).type),
    ).toEqual(['duplicate', 'article']);
    // A date alone is that day in Vietnam (UTC+7): 2026-08-21 starts at 2026-08-20T17:00Z.
    const day = await tw(outWith(entries), '--since', '2026-08-21');
    expect(day.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('writes CSV a real parser reads back, texts included', async () => {
    const { stdout } = await tw(outWith(entries), '--format', 'csv', '--with-text');
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    const tricky = rows.find((r) => r.seq === '3')!;
    expect(tricky.title).toBe('Tiêu đề có dấu phẩy, và "ngoặc kép"');
    expect(tricky.text).toBe('Tiêu đề có dấu phẩy, và "ngoặc kép"\n\nNội dung, có "ngoặc kép".');
    expect(tricky.matched_rules).toBe('alliance|drills');
    expect(rows.find((r) => r.type === 'duplicate')!.duplicate_of).toBe(entries[1]!.id);
  });

  it('adds the text to JSONL lines with --with-text, and skips a damaged line saying so', async () => {
    const out = outWith(entries.slice(0, 2), '{"type":"article","id":"0000\n');
    appendFileSync(path.join(out, 'manifest.jsonl'), `${JSON.stringify(entries[2])}\n`);
    const { stdout, stderr } = await tw(out, '--with-text');
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; text: string });
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 4]);
    expect(lines[0]!.text).toBe('Bài số 1\n\nNội dung, có "ngoặc kép".');
    expect(stderr).toMatch(/skipped a damaged manifest line ending at byte \d+/);
  });

  it('refuses a wrong cursor or format in one line (exit 2), and a seq not in the manifest (exit 1)', async () => {
    const out = outWith(entries);
    await expect(tw(out, '--since', 'yesterday')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^tinwatch export: --since "yesterday": give an article seq/),
    });
    await expect(tw(out, '--format', 'xml')).rejects.toMatchObject({ code: 2 });
    await expect(tw(out, '--since', '99')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no article line with seq 99'),
    });
  });

  it('--follow prints each new line as it lands, and only complete lines', async () => {
    const out = outWith(entries.slice(0, 2));
    const child = spawn(process.execPath, [BIN, 'export', '--since', '1', '--follow'], {
      env: { ...process.env, TINWATCH_OUT: out, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const waitFor = async (pred: () => boolean) => {
      for (let i = 0; i < 600 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(pred()).toBe(true);
    };
    await waitFor(() => stdout.split('\n').filter(Boolean).length === 1);
    // Half a line (a write in progress) is not printed; its end is.
    const next = JSON.stringify(entries[2]);
    appendFileSync(path.join(out, 'manifest.jsonl'), next.slice(0, 40));
    appendFileSync(path.join(out, 'manifest.jsonl'), `${next.slice(40)}\n`);
    await waitFor(() => stdout.split('\n').filter(Boolean).length === 2);
    expect(JSON.parse(stdout.trim().split('\n')[1]!)).toMatchObject({ seq: 4 });
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(0);
    expect(stderr).toContain('next pull: tinwatch export --since 4');
  }, 60_000);

  it('--follow keeps one stop listener however many lines land (no listener per wait)', async () => {
    const out = outWith(entries.slice(0, 1));
    const stop = new AbortController();
    let stdout = '';
    const done = runExport(
      out,
      { follow: true },
      { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, stop: stop.signal },
    );
    const printed = () => stdout.split('\n').filter(Boolean).length;
    const waitFor = async (n: number) => {
      for (let i = 0; i < 600 && printed() < n; i++) await new Promise((r) => setTimeout(r, 50));
      expect(printed()).toBe(n);
    };
    await waitFor(1);
    // More waits than EventTarget's warning threshold (10 listeners), each ended by a new line.
    for (let seq = 10; seq < 25; seq++) {
      appendFileSync(path.join(out, 'manifest.jsonl'), `${JSON.stringify(article(seq, '2026-08-22T00:00:00.000Z'))}\n`);
      await waitFor(seq - 8);
    }
    expect(getEventListeners(stop.signal, 'abort').length).toBeLessThanOrEqual(1);
    stop.abort();
    expect(await done).toBe(0);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  }, 60_000);
});
