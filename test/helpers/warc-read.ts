// Reading WARC files as an archive does, with readers tinwatch does not write with: node-warc
// (whole records), warcio's parser (records with their offsets), and by hand (the gzip member a
// pointer names, split at its headers), so a test checks the bytes, not a library's view of them.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import nodeWarc from 'node-warc';
import { WARCParser } from 'warcio';

export interface NodeWarcRecord {
  warcHeader: Record<string, string>;
  httpInfo?: { headers: Record<string, string> };
  content: Buffer;
}

/**
 * Every record of a .warc.gz, read by node-warc. node-warc 3.3.1's stream transform calls its
 * flush callback twice at the end of every stream, after its last record (ERR_MULTIPLE_CALLBACK
 * on Node ≥ 14): that one error ends the read; anything else fails it. The record counts the
 * tests check catch a record lost to it.
 */
export function readWithNodeWarc(file: string): Promise<NodeWarcRecord[]> {
  return new Promise((resolve, reject) => {
    const out: NodeWarcRecord[] = [];
    const records = createReadStream(file).pipe(createGunzip()).pipe(new nodeWarc.WARCStreamTransform());
    records.on('data', (r: NodeWarcRecord) => out.push(r));
    records.on('end', () => resolve(out));
    records.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ERR_MULTIPLE_CALLBACK' ? setImmediate(() => resolve(out)) : reject(err),
    );
  });
}

export interface WarcioRecord {
  type: string;
  headers: Map<string, string>;
  offset: number;
  length: number;
}

/** Every record of a .warc.gz by warcio's parser: type, WARC headers, member offset and length. */
export async function readWithWarcio(file: string): Promise<WarcioRecord[]> {
  const parser = new WARCParser(createReadStream(file), { keepHeadersCase: true });
  const out: WarcioRecord[] = [];
  for await (const record of parser) {
    await record.skipFully();
    const headers = new Map<string, string>();
    for (const [k, v] of record.warcHeaders.headers as unknown as Iterable<[string, string]>) headers.set(k, v);
    out.push({ type: record.warcType ?? '', headers, offset: parser.offset, length: parser.recordLength });
  }
  return out;
}

export const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface RawRecord {
  head: string;
  block: Buffer;
}

/** The records of a byte range of a .warc.gz (gzip members), split by hand: header block, then Content-Length bytes. */
export function recordsAt(outDir: string, p: { file: string; offset: number; length: number }): RawRecord[] {
  const fd = openSync(path.join(outDir, p.file), 'r');
  const buf = Buffer.alloc(p.length);
  readSync(fd, buf, 0, p.length, p.offset);
  closeSync(fd);
  const all = gunzipSync(buf);
  const records: RawRecord[] = [];
  for (let at = 0; at < all.length;) {
    const end = all.indexOf('\r\n\r\n', at);
    const head = all.subarray(at, end).toString('utf8');
    const len = Number(/\r\nContent-Length: (\d+)/i.exec(head)![1]);
    records.push({ head, block: all.subarray(end + 4, end + 4 + len) });
    at = end + 4 + len + 4; // each record ends with CRLF CRLF
  }
  return records;
}

/** A response block's HTTP head and body as stored (with any transfer and content coding). */
export function httpParts(block: Buffer): { head: string; headers: Map<string, string>; body: Buffer } {
  const end = block.indexOf('\r\n\r\n');
  const head = block.subarray(0, end).toString('latin1');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { head, headers, body: block.subarray(end + 4) };
}

/** A chunked body's data, the chunk framing taken off (RFC 9112 §7.1). */
export function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; ;) {
    const eol = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, eol).toString('latin1').split(';')[0]!, 16);
    if (!Number.isFinite(size)) throw new Error(`bad chunk size at ${at}`);
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/** The payload a response's WARC-Payload-Digest covers: the entity body, transfer coding removed. */
export function payloadOf(block: Buffer): Buffer {
  const { headers, body } = httpParts(block);
  return /chunked/i.test(headers.get('transfer-encoding') ?? '') ? dechunk(body) : body;
}
