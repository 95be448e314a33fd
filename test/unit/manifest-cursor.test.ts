// Reading the manifest from a byte offset: complete lines only, and offsets that resume exactly
// where the last read stopped, wherever the file's appends happened to be cut.
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesFrom } from '../../src/export/manifest-cursor.js';
import { tempDir } from '../helpers/test-runtime.js';

async function readAll(file: string, offset: number): Promise<{ lines: string[]; end: number }> {
  const lines: string[] = [];
  let end = offset;
  for await (const l of linesFrom(file, offset)) {
    lines.push(l.line);
    end = l.end;
  }
  return { lines, end };
}

describe('linesFrom', () => {
  it('yields nothing for a missing file', async () => {
    expect((await readAll(path.join(tempDir('tw-cur'), 'none.jsonl'), 0)).lines).toEqual([]);
  });

  it('yields each complete line once across appends cut anywhere (property)', async () => {
    const dir = tempDir('tw-cur');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replaceAll('\n', ' ')),
          { maxLength: 20 },
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (lines, cuts) => {
          const file = path.join(dir, `m${n++}.jsonl`);
          const whole = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
          const points = [...new Set(cuts.map((c) => (whole.length ? c % whole.length : 0)))].sort((a, b) => a - b);
          writeFileSync(file, '');
          const seen: string[] = [];
          let offset = 0;
          let at = 0;
          for (const p of [...points, whole.length]) {
            appendFileSync(file, whole.subarray(at, p));
            at = p;
            const r = await readAll(file, offset);
            seen.push(...r.lines);
            offset = r.end;
          }
          expect(seen).toEqual(lines);
        },
      ),
      { numRuns: 200 },
    );
  });
});
