// WARC captures as an archive receives them: the demo's pages read back completely by a parser
// other than the writer's (node-warc), digests recomputed, every manifest pointer landing on its
// story's records, one capture replayed through `tinwatch extract` to the very text written; and
// a writer killed mid-append leaves nothing a reader trips on once the next start closes its file.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createGunzip, gunzipSync } from 'node:zlib';
import nodeWarc from 'node-warc';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { recoverOpenWarcs } from '../../src/archive/warc-writer.js';
import { runDemo } from '../../app/demo/demo.js';
import { tempDir, testPrefix } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

interface ParsedRecord {
  warcHeader: Record<string, string>;
  httpInfo?: { headers: Record<string, string> };
  content: Buffer;
}

/** A response's payload as node-warc gives it: its content runs on into the record's closing CRLF. */
const payloadOf = (r: ParsedRecord): Buffer => r.content.subarray(0, Number(r.httpInfo!.headers['Content-Length']));

/**
 * Every record of a .warc.gz, read by node-warc (not the warcio library that wrote it). node-warc
 * 3.3.1's stream transform calls its flush callback twice at the end of every stream, after its
 * last record (ERR_MULTIPLE_CALLBACK on Node ≥ 14): that one error ends the read; anything else
 * fails it. The record counts the tests check catch a record lost to it.
 */
function readWarc(file: string): Promise<ParsedRecord[]> {
  return new Promise((resolve, reject) => {
    const out: ParsedRecord[] = [];
    const records = createReadStream(file).pipe(createGunzip()).pipe(new nodeWarc.WARCStreamTransform());
    records.on('data', (r: ParsedRecord) => out.push(r));
    records.on('end', () => resolve(out));
    records.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ERR_MULTIPLE_CALLBACK' ? setImmediate(() => resolve(out)) : reject(err),
    );
  });
}

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** The capture a manifest pointer names, split into raw records by hand: header block, then Content-Length bytes. */
function recordsAt(
  outDir: string,
  p: { file: string; offset: number; length: number },
): { head: string; block: Buffer }[] {
  const fd = openSync(path.join(outDir, p.file), 'r');
  const buf = Buffer.alloc(p.length);
  readSync(fd, buf, 0, p.length, p.offset);
  closeSync(fd);
  const all = gunzipSync(buf);
  const records: { head: string; block: Buffer }[] = [];
  for (let at = 0; at < all.length;) {
    const end = all.indexOf('\r\n\r\n', at);
    const head = all.subarray(at, end).toString('utf8');
    const len = Number(/\r\nContent-Length: (\d+)/i.exec(head)![1]);
    records.push({ head, block: all.subarray(end + 4, end + 4 + len) });
    at = end + 4 + len + 4; // each record ends with CRLF CRLF
  }
  return records;
}

describe('WARC captures', () => {
  const out = path.join(tempDir('tw-warc'), 'out');
  let manifest: {
    type: string;
    id: string;
    url: string;
    file?: string;
    warc?: { file: string; offset: number; length: number; record_id: string };
  }[];

  beforeAll(async () => {
    // Its own Redis prefix: demo.test.ts runs the demo at the same time.
    await runDemo(out, inject('redisUrl'), undefined, testPrefix());
    manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  }, 120_000);

  it('leaves closed WARC files only, read back completely by another parser with every digest right', async () => {
    const files = readdirSync(path.join(out, 'warc'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f.endsWith('.warc.gz'))).toBe(true);
    const records = (await Promise.all(files.map((f) => readWarc(path.join(out, 'warc', f))))).flat();
    const articles = manifest.filter((e) => e.type === 'article');
    expect(records).toHaveLength(articles.length * 3);
    const byType = (t: string) => records.filter((r) => r.warcHeader['WARC-Type'] === t);
    expect(byType('response')).toHaveLength(articles.length);
    for (const r of byType('response')) expect(r.warcHeader['WARC-Payload-Digest']).toBe(sha256(payloadOf(r)));
    expect(byType('request')).toHaveLength(articles.length);
    expect(byType('metadata')).toHaveLength(articles.length);
  });

  it('points each article line at its own request, response and metadata records, block digests right', () => {
    for (const e of manifest.filter((x) => x.type === 'article')) {
      expect(e.warc, e.id).toBeTruthy();
      const [request, response, metadata] = recordsAt(out, e.warc!);
      for (const r of [request!, response!, metadata!]) {
        expect(r.head).toContain(`WARC-Tinwatch-Story-ID: ${e.id}`);
        expect(r.head).toContain(`WARC-Target-URI: ${e.url}`);
        expect(r.head).toContain(`WARC-Block-Digest: ${sha256(r.block)}`);
      }
      expect(request!.head).toMatch(/WARC-Type: request/);
      expect(response!.head).toContain(`WARC-Record-ID: ${e.warc!.record_id}`);
      expect(request!.head).toContain(`WARC-Concurrent-To: ${e.warc!.record_id}`);
      // The metadata record holds the text written for the story.
      expect(metadata!.block.toString('utf8')).toBe(readFileSync(path.join(out, e.file!), 'utf8'));
      // The request as sent names the outlet's host, not the loopback replay server.
      expect(request!.block.toString('latin1')).toContain(`\r\nHost: ${new URL(e.url).host}`);
    }
  });

  it('replays a capture through tinwatch extract to the same text', async () => {
    const e = manifest.find((x) => x.type === 'article' && x.url.includes('vnexpress'))!;
    const [, response] = recordsAt(out, e.warc!);
    const httpBlock = response!.block;
    const page = httpBlock.subarray(httpBlock.indexOf('\r\n\r\n') + 4);
    const file = path.join(tempDir('tw-warc-replay'), 'page.html');
    writeFileSync(file, page);
    const { stdout } = await run(process.execPath, [BIN, 'extract', file, '--url', e.url], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(stdout.replace(/\n$/, '')).toBe(readFileSync(path.join(out, e.file!), 'utf8'));
  });

  it('a writer killed mid-append leaves an open file the next start cuts at its last whole record', async () => {
    const dir = tempDir('tw-warc-kill');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, '../helpers/warc-writer-child.ts'), dir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()),
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const open = readdirSync(path.join(dir, 'warc'));
    expect(open.every((f) => f.endsWith('.warc.gz.open'))).toBe(true);
    // Make the tail torn for certain, as a kill in the middle of a write would.
    const victim = path.join(dir, 'warc', open[0]!);
    writeFileSync(victim, Buffer.concat([readFileSync(victim), gunzipSafeTail()]));
    const recovered = recoverOpenWarcs(dir);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]!.cutBytes).toBeGreaterThan(0);
    const closed = readdirSync(path.join(dir, 'warc'));
    expect(closed).toEqual([open[0]!.replace(/\.open$/, '')]);
    const records = await readWarc(path.join(dir, 'warc', closed[0]!));
    expect(records.length % 3).toBe(0);
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const r of records.filter((x) => x.warcHeader['WARC-Type'] === 'response'))
      expect(r.warcHeader['WARC-Payload-Digest']).toBe(sha256(payloadOf(r)));
  }, 60_000);
});

/** The first bytes of a gzip member, cut: what a write interrupted by a kill leaves behind. */
function gunzipSafeTail(): Buffer {
  return Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x2b, 0x49]);
}
