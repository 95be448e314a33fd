// A person's judgement of borderline stories (and of skipped ones: "this was on topic"), marked on
// the dashboard, kept in Redis, exported (`tinwatch relevance marks`) as labelled examples the
// eval reads with --marks FILE.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';

export type MarkLabel = 'on' | 'off';

export interface RelevanceMark {
  id: string;
  label: MarkLabel;
  marked_at: string;
  /** The written text; null for an off-topic (skipped) article, which has none. */
  file: string | null;
  url: string;
  title: string;
  profile: string | null;
  score: number | null;
}

export async function saveMark(redis: Redis, keys: Keys, mark: RelevanceMark): Promise<void> {
  await redis.hset(keys.relevanceMarks, mark.id, JSON.stringify(mark));
}

export async function listMarks(redis: Redis, keys: Keys): Promise<RelevanceMark[]> {
  const all = await redis.hvals(keys.relevanceMarks);
  return all.map((m) => JSON.parse(m) as RelevanceMark).sort((a, b) => a.marked_at.localeCompare(b.marked_at));
}

/** Each mark with the story's written text, one JSON line each: `{ …mark, text }`. */
export async function exportMarks(redis: Redis, keys: Keys, outDir: string): Promise<string> {
  const lines: string[] = [];
  for (const m of await listMarks(redis, keys)) {
    // A skipped article was never written: its headline is the text the evaluation can use.
    let text: string | null = m.file === null ? `${m.title}\n` : null;
    if (m.file !== null) {
      try {
        text = await readFile(path.join(outDir, m.file), 'utf8');
      } catch {
        // The file was removed since (retention): the mark is still worth keeping.
      }
    }
    lines.push(JSON.stringify({ ...m, text }));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
