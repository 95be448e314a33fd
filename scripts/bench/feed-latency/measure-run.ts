// What one latency run measured, from what the replay server and the webhook receiver saw and what
// the manifest says: per item, simulated minutes from publication to written and to alert; per
// host, the feed requests it served inside the simulated day (the warm-up before midnight is not
// counted: it is the pipeline starting, not the day's cost).
import { existsSync, readFileSync } from 'node:fs';

export interface Published {
  url: string;
  feedPath: string;
  /** Real ms when the item appeared in its feed. */
  at: number;
}

export interface HostCount {
  host: string;
  feed200: number;
  feed304: number;
  other: number;
  /** Shortest gap between two feed requests to the host, simulated ms. */
  minFeedGapMs: number | null;
}

type Request = { path: string; at: number; status: number };

/** Real ms each URL's story was written, from the manifest's article lines. */
export function writtenTimes(manifestPath: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync(manifestPath)) return out;
  for (const line of readFileSync(manifestPath, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const e = JSON.parse(line) as { type?: string; url?: string; written_at?: string };
    if (e.type === 'article' && e.url && e.written_at) out.set(e.url, Date.parse(e.written_at));
  }
  return out;
}

/**
 * Simulated latency of each item that reached `reached` (url → real ms): the wait from
 * publication to the feed request that first showed it scales with the clock; the pipeline's
 * work after that request is real time, counted as it was.
 */
export function latencies(
  published: readonly Published[],
  reached: ReadonlyMap<string, number>,
  requests: readonly Request[],
  scale: number,
): number[] {
  const out: number[] = [];
  for (const p of published) {
    const at = reached.get(p.url);
    if (at === undefined) continue;
    const seen = requests.find((r) => r.path === p.feedPath && r.status === 200 && r.at >= p.at);
    const seenAt = seen && seen.at <= at ? seen.at : p.at;
    out.push((seenAt - p.at) * scale + (at - seenAt));
  }
  return out;
}

/** Requests each host served between the real times `from` and `to`. */
export function hostCounts(
  hosts: readonly string[],
  requests: readonly Request[],
  from: number,
  to: number,
  scale: number,
): HostCount[] {
  return hosts.map((host) => {
    const mine = requests.filter((r) => r.path.startsWith(`/${host}/`) && r.at >= from && r.at <= to);
    const feeds = mine.filter((r) => r.path.endsWith('.rss')).sort((a, b) => a.at - b.at);
    let minGap: number | null = null;
    for (let i = 1; i < feeds.length; i++) {
      const gap = (feeds[i]!.at - feeds[i - 1]!.at) * scale;
      minGap = minGap === null ? gap : Math.min(minGap, gap);
    }
    return {
      host,
      feed200: feeds.filter((r) => r.status === 200).length,
      feed304: feeds.filter((r) => r.status === 304).length,
      other: mine.length - feeds.length,
      minFeedGapMs: minGap,
    };
  });
}
