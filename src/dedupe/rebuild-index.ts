// `tinwatch dedupe rebuild`: the index rebuilt from what was written — the manifest's article
// lines and their files — for when Redis lost its data, the thresholds changed, or the index
// should shed everything past a shorter retention. Duplicate lines need no entry: their story's
// own entry already covers them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { DEDUPE } from '../../config/dedupe.js';
import type { Keys } from '../../base/redis/keys.js';
import { cleanLine } from '../text/normalize.js';
import { manifestLines } from '../write/article-files.js';
import { parseManifestLine } from '../write/manifest-entry.js';
import { claimStory, dropIndex } from './dedupe-index.js';
import { fingerprint } from './fingerprint.js';

export interface RebuildReport {
  articles: number;
  indexed: number;
  /** Written longer ago than the retention: left out. */
  expired: number;
  /** Manifest line whose file is gone. */
  missingFiles: string[];
  /** Stories that the current thresholds would have merged into an earlier one (left as written). */
  wouldMerge: { id: string; into: string; similarity: number }[];
  /** Files whose text no longer hashes to the manifest's content_hash (edited by hand?). */
  hashMismatches: string[];
  /** Manifest lines that do not parse (a write a full disk cut short): skipped. */
  damagedLines: number;
}

/** The parts of a written file that were fingerprinted: everything but the title and credit. */
export function textBlocksOfFile(text: string, credit: string | null | undefined): string[] {
  const blocks = text.split('\n\n');
  const rest = blocks.slice(1);
  if (credit && rest.length > 0 && rest.at(-1) === cleanLine(credit)) rest.pop();
  return rest;
}

/** A written file's title: its first block. */
export function titleOfFile(text: string): string {
  return text.split('\n\n')[0] ?? '';
}

export async function rebuildIndex(
  redis: Redis,
  keys: Keys,
  outDir: string,
  opts: { retentionDays?: number; bucketBits?: number; now?: Date } = {},
): Promise<RebuildReport> {
  const retentionDays = opts.retentionDays ?? DEDUPE.retentionDays;
  const now = (opts.now ?? new Date()).getTime();
  const report: RebuildReport = {
    articles: 0,
    indexed: 0,
    expired: 0,
    missingFiles: [],
    wouldMerge: [],
    hashMismatches: [],
    damagedLines: 0,
  };
  await dropIndex(redis, keys);
  // No manifest yet: no lines, and an empty index is the right index.
  for await (const line of manifestLines(outDir)) {
    if (!line.trim()) continue;
    const read = parseManifestLine(line);
    if (!read.ok) {
      report.damagedLines++; // a fragment a failed write left: nothing to index
      continue;
    }
    const e = read.entry;
    if (e.type !== 'article' || typeof e.file !== 'string' || typeof e.id !== 'string') continue;
    report.articles++;
    const written = Date.parse(String(e.written_at ?? e.fetched_at ?? ''));
    const ageDays = Number.isFinite(written) ? (now - written) / 86_400_000 : 0;
    if (ageDays >= retentionDays) {
      report.expired++;
      continue;
    }
    let text: string;
    try {
      text = await readFile(path.join(outDir, e.file), 'utf8');
    } catch {
      report.missingFiles.push(e.file);
      continue;
    }
    const fp = fingerprint(
      null,
      textBlocksOfFile(text, e.credit as string | null | undefined),
      opts.bucketBits,
      titleOfFile(text),
      typeof e.published_at === 'string' ? e.published_at : null,
    );
    if (typeof e.content_hash === 'string' && e.content_hash !== fp.contentHash) report.hashMismatches.push(e.file);
    const verdict = await claimStory(
      redis,
      keys,
      fp,
      { storyId: e.id, outlet: String(e.outlet ?? ''), url: String(e.url ?? ''), title: titleOfFile(text) },
      { retentionDays: retentionDays - ageDays, writtenAt: Number.isFinite(written) ? new Date(written) : undefined },
    );
    if (verdict.kind === 'near' || verdict.kind === 'exact') {
      report.wouldMerge.push({ id: e.id, into: verdict.owner.storyId, similarity: verdict.jaccard });
    } else report.indexed++;
  }
  return report;
}
