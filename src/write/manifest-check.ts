// `tinwatch manifest check [--repair]`: every manifest line must be one JSON object with a type
// and an id, and the manifest must agree with the disk both ways (manifest-disk-check.ts). A write the disk cut short leaves a fragment (see article-files.ts); readers skip
// it, this finds it, and --repair rewrites the manifest without it (to a temp file, renamed over
// the old one, so a reader sees the old manifest or the new, never half). Stop the workers first:
// a line appended during the repair would be lost with the old file.
import { closeSync, existsSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { manifestLines, manifestPath } from './article-files.js';
import { ManifestDiskCheck, type DiskCheck } from './manifest-disk-check.js';
import { parseManifestLine } from './manifest-entry.js';

export interface ManifestCheck extends DiskCheck {
  lines: number;
  /** 1-based line numbers and the start of each damaged line. */
  damaged: { line: number; start: string }[];
  repaired: boolean;
}

export async function checkManifest(outDir: string, opts: { repair?: boolean } = {}): Promise<ManifestCheck> {
  const file = manifestPath(outDir);
  const report: ManifestCheck = { lines: 0, damaged: [], repaired: false, missing: [], unlisted: [] };
  const disk = new ManifestDiskCheck(outDir);
  if (!existsSync(file)) return { ...report, ...disk.result() };
  // With --repair the good lines stream into a temp file as they are read: a manifest of
  // months is never held in memory.
  const tmp = `${file}.repair-${process.pid}.tmp`;
  const out = opts.repair ? openSync(tmp, 'w') : null;
  let n = 0;
  try {
    for await (const line of manifestLines(outDir)) {
      n++;
      if (line === '') continue; // the newline that ends a fragment may stand alone
      report.lines++;
      const read = parseManifestLine(line);
      if (read.ok) {
        disk.add(n, read.entry);
        if (out !== null) writeSync(out, `${line}\n`);
      } else report.damaged.push({ line: n, start: line.slice(0, 80) });
    }
  } finally {
    if (out !== null) closeSync(out);
  }
  if (out !== null) {
    if (report.damaged.length > 0) {
      renameSync(tmp, file);
      report.repaired = true;
    } else unlinkSync(tmp);
  }
  return { ...report, ...disk.result() };
}
