// Causal order in the manifest: a duplicate's line comes after its original's. The first job to
// claim a text owns the story, but its line is written last (after the file, the WARC capture and
// the alerts), so a copy claimed a moment later would otherwise reach the manifest first. The
// duplicate's job waits for the original's line (the `manifested` flag), then copies the
// original's written_at exactly as the line has it. An original that never lands in time fails
// the duplicate's attempt with the reason; BullMQ retries it later.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';
import { manifestLines } from '../../src/write/article-files.js';
import { parseManifestLine } from '../../src/write/manifest-entry.js';

export class OriginalNotWrittenError extends Error {
  constructor(ownerId: string, waitedMs: number) {
    super(
      `the original story ${ownerId} has no manifest line after ${Math.round(waitedMs / 1000)} s; a duplicate's line waits for its original's (retried)`,
    );
    this.name = 'OriginalNotWrittenError';
  }
}

export interface AwaitOriginalOptions {
  /** How long one attempt waits for the original's line. */
  timeoutMs?: number;
  pollMs?: number;
}

/** The original's written_at once its line is in the manifest; throws OriginalNotWrittenError if not in time. */
export async function awaitOriginal(
  deps: { redis: Redis; keys: Keys; outDir: string },
  ownerId: string,
  opts: AwaitOriginalOptions = {},
): Promise<string | null> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const pollMs = opts.pollMs ?? 50;
  const started = Date.now();
  for (;;) {
    const [[, flagged], [, at]] = (await deps.redis
      .multi()
      .sismember(deps.keys.manifested, ownerId)
      .hget(deps.keys.writtenAt, ownerId)
      .exec()) as [[null, number], [null, string | null]];
    if (flagged === 1 && at) return at;
    // Flagged without a fixed time: written before times were kept in Redis. Its line says.
    if (flagged === 1) return (await writtenAtInManifest(deps.outDir, ownerId)) ?? null;
    if (Date.now() - started >= timeoutMs) {
      // Redis may have lost the flags (a rebuilt index): the manifest is the record.
      const inManifest = await writtenAtInManifest(deps.outDir, ownerId);
      if (inManifest) return inManifest;
      throw new OriginalNotWrittenError(ownerId, Date.now() - started);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** The written_at of a story's article line, read from the manifest (undefined when it has none). */
async function writtenAtInManifest(outDir: string, storyId: string): Promise<string | undefined> {
  const needle = `"id":"${storyId}"`;
  for await (const line of manifestLines(outDir)) {
    if (!line.includes(needle)) continue;
    const read = parseManifestLine(line);
    if (read.ok && read.entry.type === 'article' && read.entry.id === storyId && read.entry.written_at)
      return read.entry.written_at;
  }
  return undefined;
}
