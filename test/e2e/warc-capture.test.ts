// WARC captures as an archive receives them, read by two readers tinwatch does not write with
// (node-warc and warcio's parser) and by hand: every file opens with warcinfo; responses hold
// the HTTP response as received (a gzip page stays gzip with its own Content-Encoding and
// Content-Length, a chunked page keeps Transfer-Encoding and no Content-Length); payload digests
// are over the entity body; duplicates' pages are captured; every manifest pointer lands on its
// records in a file that exists; a CDXJ index beside each file points at its responses; a
// capture replays through `tinwatch extract` to the text written; a writer killed mid-append
// leaves nothing a reader trips on once the next start closes its file.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { recoverOpenWarcs, WarcWriter } from '../../src/archive/warc-writer.js';
import { runDemo } from '../../app/demo/demo.js';
import { SITES } from '../helpers/fixtures.js';
import { tempDir, testPrefix } from '../helpers/test-runtime.js';
import { httpParts, payloadOf, readWithNodeWarc, readWithWarcio, recordsAt, sha256 } from '../helpers/warc-read.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
const GZIP_PAGE = 'vnexpress.net/han-quoc-my-hop-nhom-tham-van-hat-nhan-lan-thu-nam-5112299.html';
const CHUNKED_PAGE = 'thanhnien.vn/han-quoc-my-dat-dong-thuan-ve-chia-se-chi-phi-quan-su-185260818102233456.htm';

type Pointer = { file: string; offset: number; length: number; record_id: string };
interface Line {
  type: string;
  id: string;
  url: string;
  file?: string;
  warc?: Pointer | null;
}

describe('WARC captures', () => {
  const out = path.join(tempDir('tw-warc'), 'out');
  let manifest: Line[];
  let files: string[];
  const captured = () => manifest.filter((e) => e.type === 'article' || e.type === 'duplicate');

  beforeAll(async () => {
    // Its own Redis prefix: demo.test.ts runs the demo at the same time.
    await runDemo(out, inject('redisUrl'), undefined, testPrefix());
    manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    files = readdirSync(path.join(out, 'warc')).filter((f) => f.endsWith('.warc.gz'));
  }, 120_000);

  it('closes every file with its CDXJ beside it and no open marker left', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(out, 'warc')).sort()).toEqual(files.flatMap((f) => [f, `${f}.cdxj`]).sort());
  });

  it('node-warc reads every file whole: warcinfo first, then request, response (and metadata) per page', async () => {
    const articles = manifest.filter((e) => e.type === 'article').length;
    const duplicates = manifest.filter((e) => e.type === 'duplicate').length;
    expect(duplicates).toBeGreaterThan(0);
    const perFile = await Promise.all(files.map((f) => readWithNodeWarc(path.join(out, 'warc', f))));
    for (const records of perFile) {
      expect(records[0]!.warcHeader['WARC-Type']).toBe('warcinfo');
      expect(records.filter((r) => r.warcHeader['WARC-Type'] === 'warcinfo')).toHaveLength(1);
    }
    const all = perFile.flat();
    const count = (t: string) => all.filter((r) => r.warcHeader['WARC-Type'] === t).length;
    expect(count('response')).toBe(articles + duplicates);
    expect(count('request')).toBe(articles + duplicates);
    expect(count('metadata')).toBe(articles);
    expect(all).toHaveLength(files.length + 2 * (articles + duplicates) + articles);
  });

  it('warcio reads the same records, and every digest matches the bytes stored', async () => {
    let responses = 0;
    for (const f of files) {
      const records = await readWithWarcio(path.join(out, 'warc', f));
      expect(records[0]!.type).toBe('warcinfo');
      for (const r of records) {
        const [raw] = recordsAt(out, { file: `warc/${f}`, offset: r.offset, length: r.length });
        expect(raw!.head).toContain(`WARC-Type: ${r.type}`);
        if (r.type !== 'warcinfo') expect(r.headers.get('WARC-Block-Digest')).toBe(sha256(raw!.block));
        if (r.type !== 'response') continue;
        responses++;
        expect(r.headers.get('WARC-Payload-Digest')).toBe(sha256(payloadOf(raw!.block)));
      }
    }
    expect(responses).toBe(captured().length);
  });

  it('keeps a gzip response gzip and a chunked response chunked, as the server sent them', () => {
    const response = (page: string) => {
      const e = captured().find((x) => x.url.endsWith(page.slice(page.indexOf('/'))))!;
      return recordsAt(out, e.warc!)[1]!;
    };
    const gz = httpParts(response(GZIP_PAGE).block);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gz.headers.get('content-length'))).toBe(gz.body.length);
    expect(gunzipSync(gz.body).equals(readFileSync(path.join(SITES, GZIP_PAGE)))).toBe(true);
    expect(response(GZIP_PAGE).head).not.toContain('WARC-Tinwatch-Decoded-From');
    const chunked = httpParts(response(CHUNKED_PAGE).block);
    expect(chunked.headers.get('transfer-encoding')).toBe('chunked');
    expect(chunked.headers.has('content-length')).toBe(false);
    expect(payloadOf(response(CHUNKED_PAGE).block).equals(readFileSync(path.join(SITES, CHUNKED_PAGE)))).toBe(true);
  });

  it('points each article and duplicate line at its own records, in a file that exists', () => {
    for (const e of captured()) {
      expect(e.warc, e.id).toBeTruthy();
      expect(existsSync(path.join(out, e.warc!.file))).toBe(true);
      const records = recordsAt(out, e.warc!);
      expect(records).toHaveLength(e.type === 'article' ? 3 : 2);
      const [request, response, metadata] = records;
      for (const r of records) {
        expect(r.head).toContain(`WARC-Tinwatch-Story-ID: ${e.id}`);
        expect(r.head).toContain(`WARC-Target-URI: ${e.url}`);
      }
      expect(request!.head).toMatch(/WARC-Type: request/);
      expect(response!.head).toContain(`WARC-Record-ID: ${e.warc!.record_id}`);
      expect(request!.head).toContain(`WARC-Concurrent-To: ${e.warc!.record_id}`);
      // The request as sent names the outlet's host, not the loopback replay server.
      expect(request!.block.toString('latin1')).toContain(`\r\nHost: ${new URL(e.url).host}`);
      if (e.type === 'article')
        expect(metadata!.block.toString('utf8')).toBe(readFileSync(path.join(out, e.file!), 'utf8'));
      else expect(response!.head).toMatch(/WARC-Tinwatch-Duplicate-Of: [0-9a-f]{16}/);
    }
  });

  it('indexes every response in a sorted CDXJ pywb reads: url key, timestamp, offset and length of the record', () => {
    let lines = 0;
    let responses = 0;
    for (const f of files) {
      const cdxj = readFileSync(path.join(out, 'warc', `${f}.cdxj`), 'utf8')
        .trim()
        .split('\n');
      expect([...cdxj].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(cdxj);
      for (const line of cdxj) {
        const m = /^(\S+) (\d{14}) (\{.*\})$/.exec(line)!;
        expect(m, line).toBeTruthy();
        const j = JSON.parse(m[3]!) as Record<string, string>;
        expect(j.filename).toBe(f);
        // The SURT key: host labels reversed, then the path.
        expect(m[1]).toMatch(/^[a-z0-9-]+(,[a-z0-9-]+)+\)\//);
        // Responses carry their HTTP status; the metadata record (the text written) is indexed too, as pywb's indexer does.
        const type = j.status ? 'response' : 'metadata';
        if (type === 'response') expect(j.status).toBe('200');
        const [r] = recordsAt(out, { file: `warc/${f}`, offset: Number(j.offset), length: Number(j.length) });
        expect(r!.head).toContain(`WARC-Type: ${type}`);
        expect(r!.head).toContain(`WARC-Target-URI: ${j.url}`);
        if (type === 'response') {
          expect(r!.head).toContain(`WARC-Payload-Digest: sha256:${j.digest}`);
          responses++;
        }
        lines++;
      }
    }
    expect(responses).toBe(captured().length);
    expect(lines).toBe(captured().length + manifest.filter((e) => e.type === 'article').length);
  });

  it('replays a capture through tinwatch extract to the same text (gzip undone by the reader)', async () => {
    const e = manifest.find((x) => x.type === 'article' && x.url.includes('5112299'))!;
    const file = path.join(tempDir('tw-warc-replay'), 'page.html');
    writeFileSync(file, gunzipSync(payloadOf(recordsAt(out, e.warc!)[1]!.block)));
    const { stdout } = await run(process.execPath, [BIN, 'extract', file, '--url', e.url], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(stdout.replace(/\n$/, '')).toBe(readFileSync(path.join(out, e.file!), 'utf8'));
  });

  it('a pointer leads to whole records while the file is still open', async () => {
    const dir = tempDir('tw-warc-open');
    const writer = new WarcWriter(dir, { maxBytes: 1 << 30, idleCloseMs: 3_600_000 });
    const p = await writer.append(sampleCapture(1));
    expect(readdirSync(path.join(dir, 'warc')).sort()).toEqual([
      path.basename(p.file),
      `${path.basename(p.file)}.open`,
    ]);
    expect(recordsAt(dir, p).map((r) => /WARC-Type: (\w+)/.exec(r.head)![1])).toEqual([
      'request',
      'response',
      'metadata',
    ]);
    await writer.close();
    expect(readdirSync(path.join(dir, 'warc')).sort()).toEqual([
      path.basename(p.file),
      `${path.basename(p.file)}.cdxj`,
    ]);
  });

  it('a writer killed mid-append leaves a file the next start cuts at its last whole record', async () => {
    const dir = tempDir('tw-warc-kill');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, '../helpers/warc-writer-child.ts'), dir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()),
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const left = readdirSync(path.join(dir, 'warc')).sort();
    expect(left).toHaveLength(2);
    const [data, marker] = left as [string, string];
    expect(marker).toBe(`${data}.open`);
    // Make the tail torn for certain, as a kill in the middle of a write would.
    const victim = path.join(dir, 'warc', data);
    writeFileSync(victim, Buffer.concat([readFileSync(victim), gunzipSafeTail()]));
    const recovered = await recoverOpenWarcs(dir);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]!.cutBytes).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, 'warc')).sort()).toEqual([data, `${data}.cdxj`]);
    const records = await readWithNodeWarc(victim);
    expect(records[0]!.warcHeader['WARC-Type']).toBe('warcinfo');
    expect((records.length - 1) % 3).toBe(0);
    expect(records.length).toBeGreaterThanOrEqual(4);
    for (const r of (await readWithWarcio(victim)).filter((x) => x.type === 'response')) {
      const [raw] = recordsAt(dir, { file: `warc/${data}`, offset: r.offset, length: r.length });
      expect(r.headers.get('WARC-Payload-Digest')).toBe(sha256(payloadOf(raw!.block)));
    }
  }, 60_000);
});

function sampleCapture(i: number) {
  const url = `https://bao.example.vn/bai-${i}.html`;
  return {
    storyId: i.toString(16).padStart(16, '0'),
    sourceId: 'test',
    url,
    fetchedAt: new Date().toISOString(),
    exchange: {
      request: { method: 'GET', url, headers: [['user-agent', 'tinwatch']] as [string, string][] },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: '1.1',
        headers: [['Content-Type', 'text/html']] as [string, string][],
      },
      removedContentEncoding: null,
    },
    payload: Buffer.from('<html><body><p>Bài</p></body></html>'),
    text: `Bài ${i}`,
    textFile: `articles/${i}.txt`,
  };
}

/** The first bytes of a gzip member, cut: what a write interrupted by a kill leaves behind. */
function gunzipSafeTail(): Buffer {
  return Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x2b, 0x49]);
}
