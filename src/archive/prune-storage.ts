// Retention that leaves a record: article texts and closed WARC files older than their settings
// (TINWATCH_TEXT_RETENTION_DAYS, TINWATCH_WARC_RETENTION_DAYS; 0 keeps them for ever) are deleted,
// and for every story that lost something a tombstone line is appended to the manifest: what was
// removed, when and why. The story's earlier lines stay (an archive that pulled them already has
// the files); `export --with-text`, the storage report and `manifest check` read the tombstones.
// A text goes by the day its story was written; a WARC file once its last capture is past
// retention (its modification time: files are append-only), never while its `.open` marker stands.
import { existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { appendManifest, articlesDir, manifestLines } from '../write/article-files.js';
import { MANIFEST_SCHEMA_VERSION, parseManifestLine, type TombstoneEntry } from '../write/manifest-entry.js';
import { REVISIONS_DIR } from '../write/revision-files.js';
import { CDXJ_SUFFIX } from './cdxj-index.js';
import { WARC_DIR } from './warc-writer.js';

export interface PruneResult {
  textFiles: number;
  warcFiles: number;
  bytes: number;
  /** Tombstone lines appended (none on a dry run). */
  tombstones: number;
}

const DAY_MS = 86_400_000;

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Closed WARC files (no `.open` marker beside) last written before `cutoff`. */
function oldWarcFiles(warcDir: string, cutoff: number): string[] {
  if (!existsSync(warcDir)) return [];
  const names = new Set(readdirSync(warcDir));
  return [...names].filter(
    (f) => f.endsWith('.warc.gz') && !names.has(`${f}.open`) && statSync(path.join(warcDir, f)).mtimeMs < cutoff,
  );
}

/** Deletes texts and closed WARC files past retention (days; 0 = keep) and records each removal. `dryRun` counts only. */
export async function pruneStorage(
  outDir: string,
  retention: { textDays: number; warcDays: number },
  opts: { dryRun?: boolean; now?: number } = {},
): Promise<PruneResult> {
  const now = opts.now ?? Date.now();
  const res: PruneResult = { textFiles: 0, warcFiles: 0, bytes: 0, tombstones: 0 };
  const warcDir = path.join(outDir, WARC_DIR);
  const warcGoing = new Set(
    retention.warcDays > 0
      ? oldWarcFiles(warcDir, now - retention.warcDays * DAY_MS).map((f) => `${WARC_DIR}/${f}`)
      : [],
  );
  const textCutoff = retention.textDays > 0 ? now - retention.textDays * DAY_MS : -Infinity;
  const stones = new Map<string, TombstoneEntry>();
  const reasons = new Map<string, string[]>();
  // One tombstone per story, and one per later revision whose file or capture went (keyed `<id>.r<n>`).
  const stoneOf = (key: string, seq: number | null): TombstoneEntry => {
    const id = key.slice(0, 16);
    let t = stones.get(key);
    if (!t) {
      t = {
        type: 'tombstone',
        schema_version: MANIFEST_SCHEMA_VERSION,
        id,
        seq,
        removed_at: new Date(now).toISOString(),
        reason: '',
        removed: { text: null, warc: null, bytes: 0 },
      };
      stones.set(key, t);
      reasons.set(key, []);
    }
    return t;
  };
  const warcCounted = new Set<string>();
  for await (const line of manifestLines(outDir)) {
    const read = parseManifestLine(line);
    if (!read.ok || read.entry.type === 'tombstone') continue;
    const e = read.entry;
    const key = e.type === 'edit' ? `${e.id}.r${e.revision}` : e.id;
    const seq = typeof e.seq === 'number' ? e.seq : null;
    const at = Date.parse(String(e.written_at ?? ''));
    const text = (e.type === 'article' || e.type === 'edit') && e.file ? path.join(outDir, e.file) : null;
    const textDir = e.type === 'edit' ? path.join(outDir, REVISIONS_DIR) : articlesDir(outDir);
    if (text && Number.isFinite(at) && at < textCutoff && path.dirname(text) === textDir && existsSync(text)) {
      const t = stoneOf(key, seq);
      t.removed.text = e.file!;
      t.removed.bytes += sizeOf(text);
      reasons.get(key)!.push(`text retention ${retention.textDays} days`);
      res.bytes += sizeOf(text);
      if (!opts.dryRun) unlinkSync(text);
      res.textFiles++;
    }
    const warc = e.warc?.file;
    if (warc && warcGoing.has(warc)) {
      const t = stoneOf(key, seq);
      t.removed.warc = warc;
      // The file's bytes once, on the first story it held.
      if (!warcCounted.has(warc)) t.removed.bytes += sizeOf(path.join(outDir, warc));
      warcCounted.add(warc);
      reasons.get(key)!.push(`WARC retention ${retention.warcDays} days`);
    }
  }
  for (const f of warcGoing) {
    const file = path.join(outDir, f);
    res.bytes += sizeOf(file);
    res.warcFiles++;
    if (opts.dryRun) continue;
    unlinkSync(file);
    if (existsSync(file + CDXJ_SUFFIX)) unlinkSync(file + CDXJ_SUFFIX);
  }
  if (opts.dryRun) return res;
  for (const [key, t] of stones) {
    t.reason = reasons.get(key)!.join('; ');
    await appendManifest(outDir, t);
    res.tombstones++;
  }
  return res;
}
