// Whether a capture a crashed attempt placed is whole on disk: the file exists, holds every byte
// of the pointer's range, the range inflates as whole gzip members, and the response (or revisit)
// record in it is the one the pointer names. A retried job adopts such a capture instead of
// writing the page a second time (capture-story.ts).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CapturePointer } from './warc-writer.js';

export function captureIsWhole(outDir: string, at: CapturePointer): boolean {
  let fd: number;
  try {
    fd = openSync(path.join(outDir, at.file), 'r');
  } catch {
    return false;
  }
  try {
    if (fstatSync(fd).size < at.offset + at.length) return false;
    const buf = Buffer.alloc(at.length);
    for (let done = 0; done < at.length;) {
      const n = readSync(fd, buf, done, at.length - done, at.offset + done);
      if (n === 0) return false;
      done += n;
    }
    // gunzip reads concatenated members and throws on a torn one.
    return namesResponse(gunzipSync(buf).toString('latin1'), at.record_id);
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Whether the records hold a response or revisit record with this WARC-Record-ID. */
function namesResponse(records: string, recordId: string): boolean {
  const idAt = records.indexOf(`\r\nWARC-Record-ID: ${recordId}\r\n`);
  if (idAt < 0) return false;
  // The header block that holds the id: from its version line to the blank line after it.
  const head = records.slice(records.lastIndexOf('WARC/1.1\r\n', idAt), records.indexOf('\r\n\r\n', idAt) + 2);
  return /\r\nWARC-Type: (?:response|revisit)\r\n/.test(head);
}
