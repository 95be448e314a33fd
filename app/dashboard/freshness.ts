// How fresh each outlet's stories reach us: over the last 24 h, the time from publication (the
// page's or its feed's date, as the manifest records it) to the story being written, and to its
// first alert sent, as median and p90 per source. Read from the manifest's tail and the alert
// queue's finished jobs, so any process serving the dashboard reports the whole deployment.
import type { Queues } from '../../base/queues.js';
import type { SourceConfig } from '../../config/source-schema.js';
import { latestArticles } from './latest-articles.js';

export interface Freshness {
  source: string;
  written: { n: number; median: number | null; p90: number | null };
  alerted: { n: number; median: number | null; p90: number | null };
}

const DAY_MS = 24 * 3600 * 1000;

/** The q-quantile (nearest rank) of minutes, or null when there are none. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const summary = (mins: number[]) => ({ n: mins.length, median: quantile(mins, 0.5), p90: quantile(mins, 0.9) });

/** What the freshness figures read: the written articles, the completed alerts, the sources. */
export interface FreshnessDeps {
  outDir: string;
  queues: Pick<Queues, 'alert'>;
  sources: SourceConfig[];
}

export async function freshness(rt: FreshnessDeps, now = Date.now()): Promise<Freshness[]> {
  const written = new Map<string, number[]>();
  const sourceOfStory = new Map<string, string>();
  for (const a of await latestArticles(rt.outDir, 5_000)) {
    const source = a.source_id;
    if (!source || !a.written_at) continue;
    const w = Date.parse(a.written_at);
    const p = a.published_at ? Date.parse(a.published_at) : NaN;
    sourceOfStory.set(a.id, source);
    if (!(now - w <= DAY_MS) || !Number.isFinite(p)) continue;
    written.set(source, [...(written.get(source) ?? []), Math.max(0, (w - p) / 60_000)]);
  }
  // The first alert sent per story.
  const firstAlert = new Map<string, { at: number; published: number }>();
  for (const j of await rt.queues.alert.getJobs(['completed'], 0, 999, false)) {
    // Instant alerts carry their story; a digest's items are counted when it is sent as one.
    const story = (j.data as { item?: { story?: { storyId: string; publishedAt: string | null } } }).item?.story;
    if (!story?.publishedAt || !j.finishedOn || now - j.finishedOn > DAY_MS) continue;
    const prev = firstAlert.get(story.storyId);
    if (!prev || j.finishedOn < prev.at)
      firstAlert.set(story.storyId, { at: j.finishedOn, published: Date.parse(story.publishedAt) });
  }
  const alerted = new Map<string, number[]>();
  for (const [id, a] of firstAlert) {
    const source = sourceOfStory.get(id);
    if (!source || !Number.isFinite(a.published)) continue;
    alerted.set(source, [...(alerted.get(source) ?? []), Math.max(0, (a.at - a.published) / 60_000)]);
  }
  return rt.sources.map((s) => ({
    source: s.id,
    written: summary(written.get(s.id) ?? []),
    alerted: summary(alerted.get(s.id) ?? []),
  }));
}
