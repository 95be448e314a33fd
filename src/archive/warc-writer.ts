// WARC/1.1 files of the pages tinwatch wrote, for archives (ISO 28500): per story a request, a
// response and a metadata record (the extracted text), each its own gzip member, written with
// webrecorder's warcio. Every writer (process or article thread) owns its files, so it knows the
// offset of each capture without locks.
// Crash safety: a file is written as `<name>.warc.gz.open` and renamed to `<name>.warc.gz` when
// it is closed (size, day, idle, shutdown), as Heritrix does; readers and archives read closed
// files only. A capture is appended with one write before the manifest points to it.
// A writer killed mid-append leaves a torn member at the end of its `.open` file: the next start
// (recoverOpenWarcs) cuts the file at the last whole member and closes it. The manifest names the
// closed file.
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { HttpExchange } from './http-exchange.js';
import { payloadHeaders } from './http-exchange.js';
import { processAlive } from '../write/process-alive.js';
import { lastWholeMemberEnd } from './gzip-members.js';

export const WARC_DIR = 'warc';
const OPEN_SUFFIX = '.open';

export interface WarcSettings {
  /** A file is closed and a new one started past this size. */
  maxBytes: number;
  /** A file idle this long is closed (so a quiet day's captures become readable). */
  idleCloseMs: number;
}

export interface Capture {
  storyId: string;
  sourceId: string;
  /** The URL the page was fetched from (after redirects), as the outlet serves it. */
  url: string;
  fetchedAt: string;
  exchange: HttpExchange;
  payload: Buffer;
  /** The text tinwatch wrote for the page (the seed-format file's content). */
  text: string;
  textFile: string;
}

export interface CapturePointer {
  file: string;
  offset: number;
  length: number;
  record_id: string;
}

/** The day a capture belongs to (UTC, as WARC-Date is): files never span two. */
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');

function warcDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface OpenFile {
  name: string;
  fd: number;
  size: number;
  day: string;
  lastWrite: number;
}

export class WarcWriter {
  private current: OpenFile | null = null;
  private serial = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly dir: string;

  constructor(
    outDir: string,
    private readonly settings: WarcSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = path.join(outDir, WARC_DIR);
  }

  /** Writes one capture's records and returns where they are. */
  async append(c: Capture): Promise<CapturePointer> {
    const { bytes, recordId } = await serializeCapture(c);
    const file = this.fileFor(bytes.length);
    // One write: a killed process cannot tear what the kernel already has. No fsync per capture
    // (as for the text files and the manifest): it would stall the thread's other jobs on every
    // article; a file is fsynced when it is closed.
    writeAll(file.fd, bytes);
    const offset = file.size;
    file.size += bytes.length;
    file.lastWrite = this.now();
    this.armIdleClose();
    return { file: `${WARC_DIR}/${file.name}`, offset, length: bytes.length, record_id: recordId };
  }

  /** Closes the open file (renamed to its final name); the next capture starts a new one. */
  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const f = this.current;
    if (!f) return;
    this.current = null;
    fsyncSync(f.fd);
    closeSync(f.fd);
    renameSync(path.join(this.dir, f.name + OPEN_SUFFIX), path.join(this.dir, f.name));
  }

  private fileFor(incoming: number): OpenFile {
    const now = this.now();
    const f = this.current;
    if (f && (f.day !== dayOf(now) || (f.size > 0 && f.size + incoming > this.settings.maxBytes))) this.close();
    if (this.current) return this.current;
    mkdirSync(this.dir, { recursive: true });
    // Writer-unique: host, process, thread, start time and a counter (Heritrix's prefix-timestamp-serial-host).
    const stamp = new Date(now).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const name = `tinwatch-${stamp}-${String(this.serial++).padStart(5, '0')}-${safe(hostname())}-${process.pid}-${threadId}.warc.gz`;
    const fd = openSync(path.join(this.dir, name + OPEN_SUFFIX), 'wx');
    this.current = { name, fd, size: 0, day: dayOf(now), lastWrite: now };
    return this.current;
  }

  private armIdleClose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.settings.idleCloseMs);
    this.idleTimer.unref();
  }
}

const safe = (s: string): string => s.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 40);

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** The capture's three records, each a gzip member, concatenated; and the response's record id. */
export async function serializeCapture(c: Capture): Promise<{ bytes: Buffer; recordId: string }> {
  const date = warcDate(c.fetchedAt);
  const story = { 'WARC-Tinwatch-Story-ID': c.storyId, 'WARC-Tinwatch-Source-ID': c.sourceId };
  const ex = c.exchange;
  const target = new URL(c.url);
  const response = WARCRecord.create(
    {
      url: c.url,
      date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      keepHeadersCase: true,
      statusline: `HTTP/${ex.response.httpVersion} ${ex.response.status} ${ex.response.statusText}`.trimEnd(),
      httpHeaders: payloadHeaders(ex.response.headers, c.payload.length),
      warcHeaders: {
        ...story,
        ...(ex.removedContentEncoding ? { 'WARC-Tinwatch-Decoded-From': ex.removedContentEncoding } : {}),
      },
    },
    [c.payload],
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
        'WARC-Tinwatch-Text-File': c.textFile,
      },
    },
    [Buffer.from(c.text, 'utf8')],
  );
  const parts = await Promise.all(
    [request, response, metadata].map((r) => WARCSerializer.serialize(r, { gzip: true })),
  );
  return { bytes: Buffer.concat(parts), recordId };
}

/**
 * Closes the `.open` files of writers that are gone (killed, or stopped on this host): each is
 * cut at its last whole gzip member and renamed to its final name. A live writer's file (its
 * process still runs on this host) is left alone. Returns the files closed.
 */
export function recoverOpenWarcs(outDir: string): { file: string; cutBytes: number }[] {
  const dir = path.join(outDir, WARC_DIR);
  if (!existsSync(dir)) return [];
  const out: { file: string; cutBytes: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(`.warc.gz${OPEN_SUFFIX}`)) continue;
    const m = /-([^-]+)-(\d+)-(\d+)\.warc\.gz\.open$/.exec(name);
    // A writer of this host that still runs (this process included) keeps its file.
    if (m && m[1] === safe(hostname()) && processAlive(Number(m[2]))) continue;
    const full = path.join(dir, name);
    const fd = openSync(full, 'r+');
    try {
      const size = fstatSync(fd).size;
      const end = lastWholeMemberEnd(fd, size);
      if (end < size) {
        // The torn member goes, the whole ones stay.
        ftruncateSync(fd, end);
        fsyncSync(fd);
      }
      out.push({ file: name.slice(0, -OPEN_SUFFIX.length), cutBytes: size - end });
    } finally {
      closeSync(fd);
    }
    renameSync(full, full.slice(0, -OPEN_SUFFIX.length));
  }
  return out;
}
