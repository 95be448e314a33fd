// The sources' URL rules against the real feed items of 2026 (the reference material's
// rss-items-2026.jsonl.gz, read in place): for each outlet a source serves, how many of its feed
// items the source takes as articles, and each refusal with its reason. An outlet belongs to the
// source whose hosts carry most of its items, so an item on a host the source forgot still counts
// against it.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { loadSources } from '../config/load-sources.js';
import type { SourceConfig } from '../config/source-schema.js';
import { articleCandidates, urlRefusal } from '../crawlers/discovery/article-candidates.js';
import { canonicalUrl } from '../base/url/canonical-url.js';
import { referenceMissing, referencePath } from './reference-material.js';

export const FEED_ITEMS_FILE = referencePath('rss-items-2026.jsonl.gz');

export const feedItemsMissing = (): string | null => referenceMissing(FEED_ITEMS_FILE, 'the 2026 RSS items');

export interface OutletUrlScore {
  outlet: string;
  source: string;
  items: number;
  accepted: number;
  /** Refused items: the reason, and whether the source declared it (notArticleUrls). */
  refused: { url: string; why: string; declared: boolean }[];
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^(?:www|m)\./, '');
  } catch {
    return null;
  }
}

export function scoreFeedItemUrls(sources: readonly SourceConfig[] = loadSources()): OutletUrlScore[] {
  const lines = gunzipSync(readFileSync(FEED_ITEMS_FILE)).toString('utf8').split('\n').filter(Boolean);
  const byOutlet = new Map<string, string[]>();
  for (const line of lines) {
    const item = JSON.parse(line) as { outlet: string; link: string };
    byOutlet.set(item.outlet, [...(byOutlet.get(item.outlet) ?? []), item.link]);
  }
  const out: OutletUrlScore[] = [];
  for (const [outlet, links] of byOutlet) {
    const votes = new Map<SourceConfig, number>();
    for (const link of links) {
      const s = sources.find((x) => x.hosts.includes(hostOf(link) ?? ''));
      if (s) votes.set(s, (votes.get(s) ?? 0) + 1);
    }
    const source = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!source) continue;
    const score: OutletUrlScore = { outlet, source: source.id, items: links.length, accepted: 0, refused: [] };
    for (const url of links) {
      if (articleCandidates(source, [{ url }]).length === 1) {
        score.accepted++;
        continue;
      }
      let why = 'not a URL of the source (host, port or scheme)';
      try {
        if (source.hosts.includes(hostOf(url) ?? ''))
          why = urlRefusal(source, canonicalUrl(url, source.canonical)) ?? why;
      } catch {
        why = 'not a URL';
      }
      score.refused.push({ url, why, declared: source.notArticleUrls.some((n) => n.why === why) });
    }
    out.push(score);
  }
  return out;
}
