// Finds where the last whole gzip member of a multi-member file ends (a WARC.gz is one member
// per record), so a file a killed writer left with a torn last member can be cut there. Each
// member is inflated to check it is whole; the file is read a window at a time.
import { readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const FIRST_WINDOW = 1 << 20;

/** Bytes of the member's header starting at `buf[0]`, or null if it is not a (complete) gzip header. */
function headerLength(buf: Buffer): number | null {
  if (buf.length < 10 || buf[0] !== 0x1f || buf[1] !== 0x8b || buf[2] !== 8) return null;
  const flags = buf[3]!;
  let at = 10;
  if (flags & 4) {
    if (buf.length < at + 2) return null;
    at += 2 + buf.readUInt16LE(at);
  }
  for (const bit of [8, 16]) {
    if (flags & bit) {
      const zero = buf.indexOf(0, at);
      if (zero < 0) return null;
      at = zero + 1;
    }
  }
  if (flags & 2) at += 2;
  return at <= buf.length ? at : null;
}

/** Length of the whole member at the start of `buf`, or null if it is torn or not gzip. */
function memberLength(buf: Buffer): number | null {
  const head = headerLength(buf);
  if (head === null) return null;
  try {
    const { engine } = inflateRawSync(buf.subarray(head), { info: true }) as unknown as {
      engine: { bytesWritten: number };
    };
    const end = head + engine.bytesWritten + 8; // CRC32 and ISIZE follow the deflate data
    return end <= buf.length ? end : null;
  } catch {
    return null;
  }
}

export function lastWholeMemberEnd(fd: number, size: number): number {
  let offset = 0;
  while (offset < size) {
    let window = Math.min(FIRST_WINDOW, size - offset);
    let len: number | null = null;
    for (;;) {
      const buf = Buffer.alloc(window);
      readSync(fd, buf, 0, window, offset);
      len = memberLength(buf);
      if (len !== null || offset + window >= size) break;
      window = Math.min(window * 4, size - offset);
    }
    if (len === null) return offset;
    offset += len;
  }
  return offset;
}
