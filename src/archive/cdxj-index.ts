// The CDXJ index beside each closed WARC file (`<name>.warc.gz.cdxj`), as pywb reads it: one
// line per capture, `<SURT url key> <14-digit timestamp> {json}` with url, mime, status, digest,
// length, offset and filename, sorted. Written by webrecorder's warcio indexer (the one
// `warcio index`/`cdxj-indexer` use), so the lines are what pywb's own tools would write.
import { createReadStream, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CDXIndexer } from 'warcio';

export const CDXJ_SUFFIX = '.cdxj';

/** Indexes a closed WARC file and writes its CDXJ beside it (atomically). Returns the lines written. */
export async function writeCdxj(warcFile: string): Promise<number> {
  const indexer = new CDXIndexer({ format: 'cdxj' });
  const lines: string[] = [];
  const filename = path.basename(warcFile);
  for await (const entry of indexer.iterIndex([{ filename, reader: createReadStream(warcFile) }]))
    lines.push(indexer.serialize(entry));
  // pywb binary-searches the index: plain byte order, as `sort` with LC_ALL=C.
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const target = warcFile + CDXJ_SUFFIX;
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, lines.join(''));
  renameSync(tmp, target);
  return lines.length;
}
