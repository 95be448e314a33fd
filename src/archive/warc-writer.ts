// WARC/1.1 files of the pages tinwatch captured, for archives (ISO 28500): each file opens with a
// warcinfo record, then per page a request, a response as received and (for a written story) a
// metadata record with its text, each its own gzip member (warc-records.ts). Every writer
// (process or article thread) owns its files, so it knows the offset of each capture without locks.
// A file has its final name from its first byte, so a manifest pointer always names a file that
// exists and whose bytes up to the pointer are whole: a capture is appended in one write before the
// manifest points to it. While the file grows, an empty marker `<name>.open` stands beside it
// (Heritrix's `.open`, kept as a marker instead of a name the pointer would lose); it goes when the
// file is closed (size, day, idle, shutdown: fsynced then) and its CDXJ index is written beside it
// (cdxj-index.ts). A writer killed mid-append leaves a torn member at the end and its marker: the
// next start (recoverOpenWarcs) cuts the file at the last whole member, indexes and closes it.
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
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { processAlive } from '../write/process-alive.js';
import { writeCdxj } from './cdxj-index.js';
import { lastWholeMemberEnd } from './gzip-members.js';
import { serializeCaptureRecords, serializeWarcinfo, type CaptureRecords } from './warc-records.js';

export const WARC_DIR = 'warc';
const OPEN_SUFFIX = '.open';

export interface WarcSettings {
  /** A file is closed and a new one started past this size. */
  maxBytes: number;
  /** A file idle this long is closed (so a quiet day's captures become readable). */
  idleCloseMs: number;
}

export type Capture = CaptureRecords;

export interface CapturePointer {
  file: string;
  offset: number;
  length: number;
  record_id: string;
}

/** The day a capture belongs to (UTC, as WARC-Date is): files never span two. */
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');

/** What every warcinfo record says of the writer. */
function writerInfo(): Record<string, string> {
  return {
    software: 'tinwatch (warcio)',
    format: 'WARC File Format 1.1',
    conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
    hostname: hostname(),
    robots: 'obey',
    description: 'Pages of Vietnamese-language outlets tinwatch wrote or recognised as copies, as received.',
  };
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
  /** Appends and closes one after another: a file's bytes are never interleaved. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    outDir: string,
    private readonly settings: WarcSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = path.join(outDir, WARC_DIR);
  }

  /**
   * Writes one capture's records and returns where they are. `placed` is told where they will go
   * before a byte is written (capture-story.ts keeps it in Redis, so a job retried after a crash
   * that struck between this write and the pointer's save finds the capture instead of taking a
   * second one).
   */
  append(c: Capture, placed?: (at: CapturePointer) => Promise<void>): Promise<CapturePointer> {
    const next = this.chain.then(() => this.appendNow(c, placed));
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Closes the open file (its marker removed, its CDXJ written); the next capture starts a new one. */
  close(): Promise<void> {
    const next = this.chain.then(() => this.closeNow());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async appendNow(c: Capture, placed?: (at: CapturePointer) => Promise<void>): Promise<CapturePointer> {
    const records = await serializeCaptureRecords(c);
    const bytes = Buffer.concat(records.map((r) => r.bytes));
    const file = await this.fileFor(bytes.length);
    const response = records.find((r) => r.type === 'response' || r.type === 'revisit')!;
    const at = {
      file: `${WARC_DIR}/${file.name}`,
      offset: file.size,
      length: bytes.length,
      record_id: response.recordId,
    };
    await placed?.(at);
    // One write: a killed process cannot tear what the kernel already has. No fsync per capture
    // (as for the text files and the manifest): it would stall the thread's other jobs on every
    // article; a file is fsynced when it is closed.
    writeAll(file.fd, bytes);
    file.size += bytes.length;
    file.lastWrite = this.now();
    this.armIdleClose();
    return at;
  }

  private async closeNow(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const f = this.current;
    if (!f) return;
    this.current = null;
    fsyncSync(f.fd);
    closeSync(f.fd);
    const full = path.join(this.dir, f.name);
    await writeCdxj(full);
    unlinkSync(full + OPEN_SUFFIX);
  }

  private async fileFor(incoming: number): Promise<OpenFile> {
    const now = this.now();
    const f = this.current;
    if (f && (f.day !== dayOf(now) || (f.size > 0 && f.size + incoming > this.settings.maxBytes)))
      await this.closeNow();
    if (this.current) return this.current;
    mkdirSync(this.dir, { recursive: true });
    // Writer-unique: host, process, thread, start time and a counter (Heritrix's prefix-timestamp-serial-host).
    const stamp = new Date(now).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const name = `tinwatch-${stamp}-${String(this.serial++).padStart(5, '0')}-${safe(hostname())}-${process.pid}-${threadId}.warc.gz`;
    closeSync(openSync(path.join(this.dir, name + OPEN_SUFFIX), 'wx'));
    const fd = openSync(path.join(this.dir, name), 'wx');
    const info = await serializeWarcinfo(name, writerInfo());
    writeAll(fd, info.bytes);
    this.current = { name, fd, size: info.bytes.length, day: dayOf(now), lastWrite: now };
    return this.current;
  }

  private armIdleClose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close(), this.settings.idleCloseMs);
    this.idleTimer.unref();
  }
}

const safe = (s: string): string => s.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 40);

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Closes the files of writers that are gone (killed, or stopped on this host): each is cut at its
 * last whole gzip member, indexed, and its marker removed. A live writer's file (its process still
 * runs on this host) is left alone. A file of an older tinwatch, written under the `.open` name
 * itself, is cut and renamed the same way. Returns the files closed.
 */
export async function recoverOpenWarcs(outDir: string): Promise<{ file: string; cutBytes: number }[]> {
  const dir = path.join(outDir, WARC_DIR);
  if (!existsSync(dir)) return [];
  const out: { file: string; cutBytes: number }[] = [];
  for (const marker of readdirSync(dir)) {
    if (!marker.endsWith(`.warc.gz${OPEN_SUFFIX}`)) continue;
    const m = /-([^-]+)-(\d+)-(\d+)\.warc\.gz\.open$/.exec(marker);
    // A writer of this host that still runs (this process included) keeps its file.
    if (m && m[1] === safe(hostname()) && processAlive(Number(m[2]))) continue;
    const name = marker.slice(0, -OPEN_SUFFIX.length);
    const full = path.join(dir, name);
    const legacy = !existsSync(full);
    const data = legacy ? path.join(dir, marker) : full;
    const fd = openSync(data, 'r+');
    try {
      const size = fstatSync(fd).size;
      const end = lastWholeMemberEnd(fd, size);
      if (end < size) {
        // The torn member goes, the whole ones stay.
        ftruncateSync(fd, end);
        fsyncSync(fd);
      }
      out.push({ file: name, cutBytes: size - end });
    } finally {
      closeSync(fd);
    }
    if (legacy) renameSync(data, full);
    await writeCdxj(full);
    if (!legacy) unlinkSync(path.join(dir, marker));
  }
  return out;
}
