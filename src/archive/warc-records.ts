// The records of one capture, as the archival world writes them (ISO 28500 WARC/1.1, written with
// webrecorder's warcio): the request as sent, the response as received, and a metadata record with
// the text tinwatch wrote. "As received" is what Heritrix, wget --warc-file and warcprox keep:
// the status line and headers the server sent, in its order and case, and the body with its
// content coding (a gzip page stays gzip, Content-Encoding and Content-Length as the server sent
// them). Node's HTTP parser takes the chunk framing off before tinwatch sees the body, so a
// chunked response is framed again (one chunk and the last chunk) under its own
// Transfer-Encoding header: the chunk boundaries are tinwatch's, the bytes inside are the
// server's. WARC-Payload-Digest is over the entity body with the transfer coding removed (and
// the content coding kept), as the WARC 1.1 standard defines the payload (iipc/warc-specifications
// #22): the same page served chunked or with a length digests the same.
// A page Chromium rendered arrives decoded (the browser undid its content coding): its headers are
// made true to the stored bytes and the coding undone is named in WARC-Tinwatch-Decoded-From.
import { createHash } from 'node:crypto';
import { WARCRecord, WARCSerializer } from 'warcio';
import { payloadHeaders, type HttpExchange } from './http-exchange.js';

export interface CaptureRecords {
  storyId: string;
  sourceId: string;
  /** The URL the page was fetched from (after redirects), as the outlet serves it. */
  url: string;
  fetchedAt: string;
  exchange: HttpExchange;
  /** The entity body as received: content coding kept, transfer coding removed. */
  payload: Buffer;
  /** The text tinwatch wrote for the page and its file; null for a page written as a duplicate. */
  text: string | null;
  textFile: string | null;
  /** The story a duplicate's page is a copy of (WARC-Tinwatch-Duplicate-Of). */
  duplicateOf?: string;
  /**
   * A page fetched again (recheck.ts): the earlier capture's response it refers to. `revisit`:
   * the payload is byte-identical, so a revisit record (profile identical-payload-digest, the
   * HTTP headers and no body) stands for the response; otherwise the page changed and the new
   * response carries WARC-Refers-To the earlier one.
   */
  refersTo?: { recordId: string; uri: string; date: string; revisit: boolean };
}

/** One serialized record and what an index needs of it. */
export interface SerializedRecord {
  type: 'request' | 'response' | 'revisit' | 'metadata' | 'warcinfo';
  bytes: Buffer;
  recordId: string;
  /** Response only: the fields of its CDXJ line. */
  index?: { url: string; date: string; mime: string | null; status: number; digest: string };
}

export function warcDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const sha256Digest = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

const header = (headers: readonly [string, string][], name: string): string | undefined =>
  headers.find(([k]) => k.toLowerCase() === name)?.[1];

/** The body as the wire framed it: chunked when the server said so. */
export function wireBody(headers: readonly [string, string][], payload: Buffer): Buffer {
  const te = header(headers, 'transfer-encoding');
  if (!te || !/\bchunked\b/i.test(te)) return payload;
  const parts =
    payload.length > 0 ? [Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n')] : [];
  return Buffer.concat([...parts, Buffer.from('0\r\n\r\n')]);
}

/** The capture's records, each serialized as its own gzip member, in file order. */
export async function serializeCaptureRecords(c: CaptureRecords): Promise<SerializedRecord[]> {
  const date = warcDate(c.fetchedAt);
  const story = {
    'WARC-Tinwatch-Story-ID': c.storyId,
    'WARC-Tinwatch-Source-ID': c.sourceId,
    ...(c.duplicateOf ? { 'WARC-Tinwatch-Duplicate-Of': c.duplicateOf } : {}),
  };
  const ex = c.exchange;
  const target = new URL(c.url);
  const decoded = ex.removedContentEncoding !== null;
  const httpHeaders = decoded ? payloadHeaders(ex.response.headers, c.payload.length) : ex.response.headers;
  const digest = sha256Digest(c.payload);
  const refers = c.refersTo;
  const revisit = refers?.revisit === true;
  const response = WARCRecord.create(
    {
      url: c.url,
      date,
      type: revisit ? 'revisit' : 'response',
      warcVersion: 'WARC/1.1',
      keepHeadersCase: true,
      statusline: `HTTP/${ex.response.httpVersion} ${ex.response.status} ${ex.response.statusText}`.trimEnd(),
      httpHeaders,
      // warcio names the profile and the earlier capture's URI and date of a revisit.
      ...(revisit ? { refersToUrl: refers.uri, refersToDate: refers.date } : {}),
      warcHeaders: {
        ...story,
        // Set here, not left to warcio: over the payload without its chunk framing (a revisit's
        // is the earlier response's, which its block no longer holds).
        'WARC-Payload-Digest': digest,
        ...(decoded ? { 'WARC-Tinwatch-Decoded-From': ex.removedContentEncoding! } : {}),
        ...(refers
          ? {
              'WARC-Refers-To': refers.recordId,
              'WARC-Refers-To-Target-URI': refers.uri,
              'WARC-Refers-To-Date': refers.date,
            }
          : {}),
      },
    },
    // A revisit's block is the status line and headers only: the payload is the earlier one's.
    revisit ? [] : [decoded ? c.payload : wireBody(httpHeaders, c.payload)],
  );
  const recordId = response.warcHeaders.headers.get('WARC-Record-ID')!;
  // The request as sent, with the outlet's host (a test or replay run fetched it from loopback).
  const requestHeaders = ex.request.headers.map(([k, v]): [string, string] =>
    k.toLowerCase() === 'host' ? [k, target.host] : [k, v],
  );
  if (!requestHeaders.some(([k]) => k.toLowerCase() === 'host')) requestHeaders.unshift(['Host', target.host]);
  const request = WARCRecord.create(
    {
      url: c.url,
      date,
      type: 'request',
      warcVersion: 'WARC/1.1',
      keepHeadersCase: true,
      statusline: `${ex.request.method} ${target.pathname}${target.search} HTTP/${ex.response.httpVersion === '2.0' ? '1.1' : ex.response.httpVersion}`,
      httpHeaders: requestHeaders,
      warcHeaders: { ...story, 'WARC-Concurrent-To': recordId },
    },
    [],
  );
  const records: { type: SerializedRecord['type']; record: WARCRecord }[] = [
    { type: 'request', record: request },
    { type: revisit ? 'revisit' : 'response', record: response },
  ];
  if (c.text !== null) {
    const metadata = WARCRecord.create(
      {
        url: c.url,
        date,
        type: 'metadata',
        warcVersion: 'WARC/1.1',
        keepHeadersCase: true,
        warcHeaders: {
          ...story,
          'WARC-Concurrent-To': recordId,
          'WARC-Refers-To': recordId,
          'Content-Type': 'text/plain; charset=utf-8',
          ...(c.textFile ? { 'WARC-Tinwatch-Text-File': c.textFile } : {}),
        },
      },
      [Buffer.from(c.text, 'utf8')],
    );
    records.push({ type: 'metadata', record: metadata });
  }
  const mime = header(httpHeaders, 'content-type')?.split(';', 1)[0]?.trim() ?? null;
  return Promise.all(
    records.map(async ({ type, record }) => ({
      type,
      bytes: Buffer.from(await WARCSerializer.serialize(record, { gzip: true })),
      recordId: record.warcHeaders.headers.get('WARC-Record-ID')!,
      ...(type === 'response' || type === 'revisit'
        ? { index: { url: c.url, date, mime, status: ex.response.status, digest: digest.slice('sha256:'.length) } }
        : {}),
    })),
  );
}

/** The warcinfo record that opens every file: who wrote it, and how. */
export async function serializeWarcinfo(filename: string, info: Record<string, string>): Promise<SerializedRecord> {
  const record = WARCRecord.createWARCInfo({ filename, warcVersion: 'WARC/1.1' }, info);
  return {
    type: 'warcinfo',
    bytes: Buffer.from(await WARCSerializer.serialize(record, { gzip: true })),
    recordId: record.warcHeaders.headers.get('WARC-Record-ID')!,
  };
}
