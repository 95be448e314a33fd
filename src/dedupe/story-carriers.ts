// The outlets that carried a story besides its first writer: one Redis SET per story, one JSON
// member per copy, written with the copy's manifest line (same MULTI) and read by alerts (the
// "also in" list) and the dashboard's story page.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';

export interface StoryCarrier {
  id: string;
  outlet: string;
  url: string;
  published_at: string | null;
  fetched_at: string | null;
  kind: 'exact' | 'near' | null;
  similarity: number | null;
  containment: number | null;
}

/** The SET member for one copy. */
export function carrierMember(c: StoryCarrier): string {
  return JSON.stringify(c);
}

/** Every copy of a story, oldest fetch first. Members written before similarity was kept read as null. */
export async function readStoryCarriers(redis: Redis, keys: Keys, storyId: string): Promise<StoryCarrier[]> {
  const out: StoryCarrier[] = [];
  for (const raw of await redis.smembers(keys.storyOutlets(storyId))) {
    let m: Partial<StoryCarrier>;
    try {
      m = JSON.parse(raw) as Partial<StoryCarrier>;
    } catch {
      continue; // not ours: nothing to show
    }
    if (typeof m.url !== 'string' || typeof m.outlet !== 'string') continue;
    out.push({
      id: String(m.id ?? ''),
      outlet: m.outlet,
      url: m.url,
      published_at: m.published_at ?? null,
      fetched_at: m.fetched_at ?? null,
      kind: m.kind ?? null,
      similarity: typeof m.similarity === 'number' ? m.similarity : null,
      containment: typeof m.containment === 'number' ? m.containment : null,
    });
  }
  return out.sort(
    (a, b) =>
      (a.fetched_at ?? '').localeCompare(b.fetched_at ?? '') ||
      a.outlet.localeCompare(b.outlet) ||
      a.url.localeCompare(b.url),
  );
}
