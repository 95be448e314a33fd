// What tinwatch recorded about URLs an outlet lists: the URL ledger's bucket (searched over the
// days since the audit's start, newest first), the manifest's line (article or duplicate), and
// whether the page was ever fetched (the seen set).
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';
import { rejectedField, LEDGER_KEEP_DAYS } from '../../src/stats/url-ledger.js';
import { vietnamDay } from '../../src/stats/selector-rot.js';

export interface Fate {
  /** The ledger's entry ("bucket" or "bucket|detail") and its day. */
  ledger: { entry: string; day: string } | null;
  manifest: 'article' | 'duplicate' | null;
  seen: boolean;
}

const DAY_MS = 24 * 3_600_000;

/** The Vietnam days from `since` to today, newest first, at most the ledger's keep. */
export function ledgerDays(since: Date, now = new Date()): string[] {
  const days: string[] = [];
  for (let t = now.getTime(); days.length < LEDGER_KEEP_DAYS; t -= DAY_MS) {
    days.push(vietnamDay(new Date(t)));
    if (t < since.getTime()) break;
  }
  return [...new Set(days)];
}

/** Story id → the kind of its manifest line (an article line wins over a duplicate line). */
export async function manifestKinds(outDir: string): Promise<Map<string, 'article' | 'duplicate'>> {
  const kinds = new Map<string, 'article' | 'duplicate'>();
  const file = path.join(outDir, 'manifest.jsonl');
  if (!existsSync(file)) return kinds;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (!line.startsWith('{')) continue;
    let e: { type?: unknown; id?: unknown };
    try {
      e = JSON.parse(line) as typeof e;
    } catch {
      continue; // a damaged line: `manifest check` reports it
    }
    if (typeof e.id !== 'string') continue;
    if (e.type === 'article') kinds.set(e.id, 'article');
    else if (e.type === 'duplicate' && !kinds.has(e.id)) kinds.set(e.id, 'duplicate');
  }
  return kinds;
}

export async function recordedFates(
  deps: { redis: Redis; keys: Keys; outDir: string },
  sourceId: string,
  items: readonly { storyId: string; identity: string }[],
  rejectedUrls: readonly string[],
  days: readonly string[],
): Promise<{ fates: Fate[]; rejected: Map<string, string> }> {
  const manifest = await manifestKinds(deps.outDir);
  const seen = items.length ? await deps.redis.smismember(deps.keys.seen, ...items.map((i) => i.identity)) : [];
  const fates: Fate[] = items.map((it, i) => ({
    ledger: null,
    manifest: manifest.get(it.storyId) ?? null,
    seen: seen[i] === 1,
  }));
  const rejected = new Map<string, string>();
  for (const day of days) {
    const key = deps.keys.urlLedger(day, sourceId);
    if (items.length) {
      const got = await deps.redis.hmget(key, ...items.map((i) => i.storyId));
      got.forEach((entry, i) => {
        if (entry !== null && fates[i]!.ledger === null) fates[i]!.ledger = { entry, day };
      });
    }
    if (rejectedUrls.length) {
      const got = await deps.redis.hmget(key, ...rejectedUrls.map(rejectedField));
      got.forEach((entry, i) => {
        if (entry !== null && !rejected.has(rejectedUrls[i]!)) rejected.set(rejectedUrls[i]!, day);
      });
    }
  }
  return { fates, rejected };
}
