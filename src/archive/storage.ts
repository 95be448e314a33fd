// What the output takes on disk, per day (the Vietnam calendar day an article was written): texts
// and WARC captures still on disk, and what retention removed (prune-storage.ts; its tombstone
// lines say what, when and why).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { vietnamDay } from '../stats/selector-rot.js';
import { manifestLines, manifestPath } from '../write/article-files.js';
import { parseManifestLine } from '../write/manifest-entry.js';
import { WARC_DIR } from './warc-writer.js';

export interface DayUsage {
  day: string;
  articles: number;
  textBytes: number;
  warcBytes: number;
}

export interface StorageReport {
  days: DayUsage[];
  totals: DayUsage & { manifestBytes: number; warcFilesOnDisk: number; warcBytesOnDisk: number };
  /** Text and WARC bytes per written article (null when none was written). */
  perArticle: { textBytes: number; warcBytes: number } | null;
  /** What retention removed, from the tombstone lines. */
  pruned: { stories: number; texts: number; warcCaptures: number; bytes: number };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // pruned, or never written
  }
}

export async function storageReport(outDir: string): Promise<StorageReport> {
  const byDay = new Map<string, DayUsage>();
  const pruned = { stories: 0, texts: 0, warcCaptures: 0, bytes: 0 };
  // A capture counts while its file is on disk (retention may have removed it).
  const warcOnDisk = new Map<string, boolean>();
  const onDisk = (file: string): boolean => {
    if (!warcOnDisk.has(file)) warcOnDisk.set(file, existsSync(path.join(outDir, file)));
    return warcOnDisk.get(file)!;
  };
  for await (const line of manifestLines(outDir)) {
    const read = parseManifestLine(line);
    if (read.ok && read.entry.type === 'tombstone' && read.entry.removed) {
      pruned.stories++;
      if (read.entry.removed.text) pruned.texts++;
      if (read.entry.removed.warc) pruned.warcCaptures++;
      pruned.bytes += read.entry.removed.bytes;
    }
    if (!read.ok || read.entry.type !== 'article') continue;
    const e = read.entry;
    const at = Date.parse(String(e.written_at ?? e.fetched_at ?? ''));
    const day = Number.isFinite(at) ? vietnamDay(new Date(at)) : 'unknown';
    const d = byDay.get(day) ?? { day, articles: 0, textBytes: 0, warcBytes: 0 };
    d.articles++;
    d.textBytes += e.file ? sizeOf(path.join(outDir, e.file)) : 0;
    d.warcBytes += e.warc && onDisk(e.warc.file) ? e.warc.length : 0;
    byDay.set(day, d);
  }
  const days = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  const sum = (k: 'articles' | 'textBytes' | 'warcBytes'): number => days.reduce((n, d) => n + d[k], 0);
  const warcDir = path.join(outDir, WARC_DIR);
  // The data files (an open one too); its `.open` marker and CDXJ index are not captures.
  const warcFiles = existsSync(warcDir) ? readdirSync(warcDir).filter((f) => f.endsWith('.warc.gz')) : [];
  const totals = {
    day: 'total',
    articles: sum('articles'),
    textBytes: sum('textBytes'),
    warcBytes: sum('warcBytes'),
    manifestBytes: sizeOf(manifestPath(outDir)),
    warcFilesOnDisk: warcFiles.length,
    warcBytesOnDisk: warcFiles.reduce((n, f) => n + sizeOf(path.join(warcDir, f)), 0),
  };
  return {
    days,
    totals,
    perArticle: totals.articles
      ? {
          textBytes: Math.round(totals.textBytes / totals.articles),
          warcBytes: Math.round(totals.warcBytes / totals.articles),
        }
      : null,
    pruned,
  };
}

const kb = (n: number): string =>
  n >= 10 * 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(0)} MB` : `${(n / 1024).toFixed(1)} KB`;

export function formatStorageReport(r: StorageReport): string {
  const rows = [
    ['day', 'articles', 'text', 'WARC'],
    ...r.days.map((d) => [d.day, String(d.articles), kb(d.textBytes), kb(d.warcBytes)]),
  ];
  rows.push(['total', String(r.totals.articles), kb(r.totals.textBytes), kb(r.totals.warcBytes)]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
  );
  lines.push(
    `manifest ${kb(r.totals.manifestBytes)}; ${r.totals.warcFilesOnDisk} WARC file(s), ${kb(r.totals.warcBytesOnDisk)} on disk`,
  );
  if (r.pruned.stories > 0)
    lines.push(
      `pruned: ${r.pruned.stories} stor${r.pruned.stories === 1 ? 'y' : 'ies'} (${r.pruned.texts} text(s), ${r.pruned.warcCaptures} WARC capture(s)), ${kb(r.pruned.bytes)} freed`,
    );
  if (r.perArticle)
    lines.push(`per article: ${kb(r.perArticle.textBytes)} of text, ${kb(r.perArticle.warcBytes)} of WARC`);
  return lines.join('\n');
}

export { pruneStorage, type PruneResult } from './prune-storage.js';
