// What the output takes on disk, per day, and retention: article texts and WARC files older than
// their settings are deleted (TINWATCH_TEXT_RETENTION_DAYS, TINWATCH_WARC_RETENTION_DAYS; 0 keeps
// them for ever). Manifest lines stay: they are the record of what was written, and an archive
// that pulled the files already has them. A day is the Vietnam calendar day an article was
// written; a WARC file goes once its last capture is past retention (its modification time:
// files are append-only).
import { existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { vietnamDay } from '../stats/selector-rot.js';
import { articlesDir, manifestLines, manifestPath } from '../write/article-files.js';
import { parseManifestLine } from '../write/manifest-entry.js';
import { CDXJ_SUFFIX } from './cdxj-index.js';
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
  for await (const line of manifestLines(outDir)) {
    const read = parseManifestLine(line);
    if (!read.ok || read.entry.type !== 'article') continue;
    const e = read.entry;
    const at = Date.parse(String(e.written_at ?? e.fetched_at ?? ''));
    const day = Number.isFinite(at) ? vietnamDay(new Date(at)) : 'unknown';
    const d = byDay.get(day) ?? { day, articles: 0, textBytes: 0, warcBytes: 0 };
    d.articles++;
    d.textBytes += e.file ? sizeOf(path.join(outDir, e.file)) : 0;
    d.warcBytes += e.warc?.length ?? 0;
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
  if (r.perArticle)
    lines.push(`per article: ${kb(r.perArticle.textBytes)} of text, ${kb(r.perArticle.warcBytes)} of WARC`);
  return lines.join('\n');
}

export interface PruneResult {
  textFiles: number;
  warcFiles: number;
  bytes: number;
}

/** Deletes texts and closed WARC files past retention (days; 0 = keep). `dryRun` counts only. */
export async function pruneStorage(
  outDir: string,
  retention: { textDays: number; warcDays: number },
  opts: { dryRun?: boolean; now?: number } = {},
): Promise<PruneResult> {
  const now = opts.now ?? Date.now();
  const res: PruneResult = { textFiles: 0, warcFiles: 0, bytes: 0 };
  const drop = (file: string): void => {
    res.bytes += sizeOf(file);
    if (!opts.dryRun) unlinkSync(file);
  };
  if (retention.textDays > 0) {
    const cutoff = now - retention.textDays * 86_400_000;
    for await (const line of manifestLines(outDir)) {
      const read = parseManifestLine(line);
      if (!read.ok || read.entry.type !== 'article' || !read.entry.file) continue;
      const at = Date.parse(String(read.entry.written_at ?? ''));
      const file = path.join(outDir, read.entry.file);
      if (Number.isFinite(at) && at < cutoff && path.dirname(file) === articlesDir(outDir) && existsSync(file)) {
        drop(file);
        res.textFiles++;
      }
    }
  }
  const warcDir = path.join(outDir, WARC_DIR);
  if (retention.warcDays > 0 && existsSync(warcDir)) {
    const cutoff = now - retention.warcDays * 86_400_000;
    // Closed files only (no `.open` marker beside): an open one is still being written.
    const names = new Set(readdirSync(warcDir));
    for (const f of [...names].filter((x) => x.endsWith('.warc.gz') && !names.has(`${x}.open`))) {
      const file = path.join(warcDir, f);
      if (statSync(file).mtimeMs < cutoff) {
        drop(file);
        if (names.has(`${f}${CDXJ_SUFFIX}`)) drop(`${file}${CDXJ_SUFFIX}`);
        res.warcFiles++;
      }
    }
  }
  return res;
}
