// Reading the manifest from a byte offset, complete lines only: the export's cursor. A line is
// yielded once it ends with a newline (a line being appended, or a fragment a full disk cut
// short, is not), with the offset just past it, so a follower resumes exactly there.
import { open, type FileHandle } from 'node:fs/promises';

export interface ManifestLine {
  line: string;
  /** Byte offset just past this line's newline. */
  end: number;
}

const CHUNK = 256 * 1024;

/** Complete lines from `offset` to the current end of the file; none when there is no file. */
export async function* linesFrom(file: string, offset = 0): AsyncGenerator<ManifestLine> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    yield* linesOf(fh, offset);
  } finally {
    await fh.close();
  }
}

/** Complete lines of an open file from `offset` to its current end (a follower reads one file it checked). */
export async function* linesOf(fh: FileHandle, offset = 0): AsyncGenerator<ManifestLine> {
  let pos = offset;
  let carry = Buffer.alloc(0);
  const buf = Buffer.alloc(CHUNK);
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
    if (bytesRead === 0) return;
    pos += bytesRead;
    const data = carry.length ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
    let start = 0;
    const base = pos - data.length;
    for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
      yield { line: data.subarray(start, nl).toString('utf8'), end: base + nl + 1 };
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
}
