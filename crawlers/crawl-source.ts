// One crawl of one source: discover article links (feeds, then listings), keep only URLs never
// fetched before (canonical URL set in Redis), fetch those once, park each raw page in Redis and
// queue an article job for it. Returns the counts `crawl --once` reports.
import { gzipSync } from 'node:zlib';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { PIPELINE } from '../config/pipeline.js';
import type { SourceConfig } from '../config/source-schema.js';
import type { OriginMap } from '../src/fetch/origin-map.js';
import type { Logger } from '../src/logger.js';
import { addArticleJob, type CrawlSummary } from '../src/queues.js';
import type { Keys } from '../src/redis/keys.js';
import { createBrowserFetcher } from './browser-fetcher.js';
import { articleCandidates, type Candidate } from './discovery/article-candidates.js';
import { parseFeed } from './discovery/feed-parser.js';
import { listingLinks } from './discovery/listing-links.js';
import type { FetchFailure, FetchRequest, PageFetcher } from './fetched-page.js';
import { createHttpFetcher } from './http-fetcher.js';

export interface CrawlDeps {
  redis: Redis;
  keys: Keys;
  originMap: OriginMap;
  articleQueue: Queue;
  log: Logger;
  /** Test seam: build fetchers differently (defaults to HTTP / browser by source.render). */
  fetcherFor?: (source: SourceConfig, kind: 'discovery' | 'article') => PageFetcher;
}

export class DiscoveryFailedError extends Error {
  override name = 'DiscoveryFailedError';
}

const MAX_FAILURES_KEPT = 1_000;

function defaultFetcher(deps: CrawlDeps, source: SourceConfig, kind: 'discovery' | 'article'): PageFetcher {
  if (deps.fetcherFor) return deps.fetcherFor(source, kind);
  // Feeds and listings are plain documents; only article pages may need the browser.
  return kind === 'article' && source.render === 'browser'
    ? createBrowserFetcher(source, deps.originMap)
    : createHttpFetcher(source, deps.originMap);
}

async function recordFailure(deps: CrawlDeps, source: SourceConfig, f: FetchFailure): Promise<void> {
  deps.log.warn({ sourceId: source.id, url: f.request.url, label: f.request.label, reason: f.reason }, 'fetch failed');
  const entry = JSON.stringify({
    sourceId: source.id,
    url: f.request.url,
    kind: f.request.label,
    reason: f.reason,
    at: new Date().toISOString(),
  });
  await deps.redis
    .multi()
    .lpush(deps.keys.fetchFailures, entry)
    .ltrim(deps.keys.fetchFailures, 0, MAX_FAILURES_KEPT - 1)
    .exec();
}

async function discover(
  deps: CrawlDeps,
  source: SourceConfig,
): Promise<{
  links: { url: string; publishedAt: string | null }[];
  failures: number;
  attempts: number;
  statusCounts: Record<string, number>;
}> {
  const requests: FetchRequest[] = [
    ...source.discovery.feeds.map((url) => ({ url, label: 'feed' as const })),
    ...source.discovery.listings.map((l) => ({
      url: l.url,
      label: 'listing' as const,
      data: { linkSelector: l.linkSelector },
    })),
  ];
  const links: { url: string; publishedAt: string | null }[] = [];
  const statusCounts: Record<string, number> = {};
  const tally = (status: string): void => {
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
  };
  let failures = 0;
  await defaultFetcher(deps, source, 'discovery').fetchAll(
    requests,
    async (page) => {
      tally(String(page.status));
      try {
        if (page.request.label === 'feed') {
          for (const item of parseFeed(page.body, page.finalUrl, source.timezone)) {
            links.push({ url: item.url, publishedAt: item.publishedAt });
          }
        } else {
          const selector = String(page.request.data?.linkSelector);
          for (const url of listingLinks(page.body, page.finalUrl, selector)) links.push({ url, publishedAt: null });
        }
      } catch (err) {
        failures++;
        await recordFailure(deps, source, { request: page.request, reason: (err as Error).message });
      }
    },
    async (failure) => {
      tally('error');
      failures++;
      await recordFailure(deps, source, failure);
    },
  );
  return { links, failures, attempts: requests.length, statusCounts };
}

async function unseen(deps: CrawlDeps, candidates: Candidate[]): Promise<Candidate[]> {
  if (candidates.length === 0) return [];
  const flags = await deps.redis.smismember(deps.keys.seen, ...candidates.map((c) => c.canonicalUrl));
  return candidates.filter((_, i) => flags[i] === 0);
}

export async function crawlSource(deps: CrawlDeps, source: SourceConfig, runId?: string): Promise<CrawlSummary> {
  const log = deps.log.child({ sourceId: source.id });
  const found = await discover(deps, source);
  if (found.attempts > 0 && found.failures === found.attempts) {
    throw new DiscoveryFailedError(
      `every discovery URL of ${source.id} failed (${found.attempts}); see the fetch failure list`,
    );
  }
  const candidates = articleCandidates(source, found.links);
  const fresh = await unseen(deps, candidates);
  log.info({ discovered: candidates.length, new: fresh.length }, 'discovery done');

  const summary: CrawlSummary = {
    sourceId: source.id,
    discovered: candidates.length,
    new: fresh.length,
    fetched: 0,
    fetchFailed: 0,
    articleJobIds: [],
    statusCounts: { ...found.statusCounts },
  };
  const tally = (status: string): void => {
    summary.statusCounts[status] = (summary.statusCounts[status] ?? 0) + 1;
  };
  const byCanonical = new Map(fresh.map((c) => [c.canonicalUrl, c]));
  await defaultFetcher(deps, source, 'article').fetchAll(
    fresh.map((c) => ({ url: c.url, label: 'article', data: { canonicalUrl: c.canonicalUrl } })),
    async (page) => {
      tally(String(page.status));
      const cand = byCanonical.get(String(page.request.data?.canonicalUrl));
      if (!cand) return;
      const rawKey = deps.keys.raw(cand.storyId);
      await deps.redis.set(rawKey, gzipSync(page.body), 'EX', PIPELINE.rawPageTtlSeconds);
      const id = await addArticleJob(deps.articleQueue, {
        sourceId: source.id,
        url: page.finalUrl,
        canonicalUrl: cand.canonicalUrl,
        storyId: cand.storyId,
        rawKey,
        fetchedAt: new Date().toISOString(),
        feedPublishedAt: cand.feedPublishedAt,
        ...(runId ? { runId } : {}),
      });
      // Seen only once its article job exists: a crash before this line means a re-fetch, not a loss.
      await deps.redis.sadd(deps.keys.seen, cand.canonicalUrl);
      summary.fetched++;
      summary.articleJobIds.push(id);
    },
    async (failure) => {
      tally('error');
      summary.fetchFailed++;
      await recordFailure(deps, source, failure);
    },
  );
  log.info({ fetched: summary.fetched, fetchFailed: summary.fetchFailed }, 'crawl done');
  return summary;
}
