// One crawl of one source: discover article links (feeds, then listings), keep only URLs never
// fetched before (canonical URL set in Redis), fetch those once, park each raw page in Redis and
// queue an article job for it. Returns the counts `crawl --once` reports.
import { packExchange } from '../src/archive/http-exchange.js';
import { gzipSync } from 'node:zlib';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { PIPELINE } from '../config/pipeline.js';
import type { SourceConfig } from '../config/source-schema.js';
import type { OriginMap } from '../src/url/origin-map.js';
import type { Logger } from '../src/logger.js';
import { addArticleJob, type CrawlSummary } from '../src/queues.js';
import { QueuedMarks } from './queued-marks.js';
import { execChecked } from '../src/redis/exec-checked.js';
import type { Keys } from '../src/redis/keys.js';
import type { StageTimings } from '../src/stats/stage-timings.js';
import { createBrowserFetcher } from './browser-fetcher.js';
import { articleCandidates, type Candidate } from './discovery/article-candidates.js';
import { discoveryLinks, type DiscoveredLinks } from './discovery/discovery-links.js';
import { newestChildren } from './discovery/sitemap-parser.js';
import type { FetchedPage, FetchFailure, FetchRequest, PageFetcher } from './fetched-page.js';
import { createHttpFetcher } from './http-fetcher.js';
import { isSourceUrl, requestHeaders } from './request-policy.js';
import { RobotsPolicy } from './robots-policy.js';
import { HostPolicy } from './host-policy.js';
import { extractArticle } from '../src/extract/extract-article.js';

export interface CrawlDeps {
  redis: Redis;
  keys: Keys;
  originMap: OriginMap;
  articleQueue: Queue;
  log: Logger;
  /** Per-stage time accounting (benchmark). */
  timings?: StageTimings;
  /** Overrides the source's politeness delay (local replay runs). */
  hostDelayMs?: number;
  /** Per-request timeout, body included (default PIPELINE.requestTimeoutSecs). */
  requestTimeoutSecs?: number;
  /** Park each article page's HTTP exchange for its WARC capture (TINWATCH_WARC). */
  captureWarc?: boolean;
  /** Test seam: build fetchers differently (defaults to HTTP / browser by source.render). */
  fetcherFor?: (source: SourceConfig, kind: 'discovery' | 'article') => PageFetcher;
}

export class DiscoveryFailedError extends Error {
  override name = 'DiscoveryFailedError';
}

const MAX_FAILURES_KEPT = 1_000;

function defaultFetcher(
  deps: CrawlDeps,
  source: SourceConfig,
  kind: 'discovery' | 'article',
  hosts: HostPolicy,
): PageFetcher {
  if (deps.fetcherFor) return deps.fetcherFor(source, kind);
  // Feeds and listings are plain documents; only article pages may need the browser.
  return kind === 'article' && source.render === 'browser'
    ? createBrowserFetcher(source, deps.originMap, hosts, deps.requestTimeoutSecs)
    : createHttpFetcher(source, deps.originMap, hosts, deps.requestTimeoutSecs);
}

/** Failures that say the host is struggling (not that one page is bad). */
const HOST_TROUBLE = /HTTP (429|5\d\d)|ECONN|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|socket|timed out|timeout/i;

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

/** A site-search URL: the query form-encoded (spaces as +) into the template's {q}. */
export function searchUrl(template: string, query: string): string {
  return template.replace('{q}', encodeURIComponent(query.normalize('NFC')).replace(/%20/g, '+'));
}

/** Page n of a listing (1 = its own URL). */
export function listingPageUrl(listing: { url: string; pageUrl?: string | undefined }, n: number): string | null {
  if (n === 1) return listing.url;
  return listing.pageUrl ? listing.pageUrl.replace('{n}', String(n)) : null;
}

/**
 * Feeds, and each listing's pages 1..maxPages. A backfill asks only for page 1 of each listing:
 * the next page is requested once a page's articles are in (see the backfill walk below).
 */
function discoveryRequests(source: SourceConfig, backfill: boolean): FetchRequest[] {
  return [
    ...source.discovery.feeds.map((url) => ({ url, label: 'feed' as const })),
    ...source.discovery.sitemaps.map((s, i) => ({
      url: s.url,
      label: 'sitemap' as const,
      data: { sitemap: i, depth: 0 },
    })),
    ...source.discovery.search.flatMap((s) =>
      s.queries.map((q) => ({
        url: searchUrl(s.urlTemplate, q),
        label: 'listing' as const,
        data: { linkSelector: s.linkSelector, search: q },
      })),
    ),
    ...source.discovery.listings.flatMap((l, i) =>
      Array.from({ length: backfill ? 1 : l.maxPages }, (_, k) => listingPageUrl(l, k + 1))
        .filter((url): url is string => url !== null)
        .map((url, k) => ({
          url,
          label: 'listing' as const,
          data: { linkSelector: l.linkSelector, listing: i, page: k + 1 },
        })),
    ),
  ];
}

const VALIDATOR_TTL_SECONDS = 24 * 3600;

/** Adds If-None-Match / If-Modified-Since from the last full read of each feed or listing. */
async function withValidators(deps: CrawlDeps, requests: FetchRequest[]): Promise<FetchRequest[]> {
  return Promise.all(
    requests.map(async (r) => {
      const v = await deps.redis.hgetall(deps.keys.validators(r.url));
      const headers: Record<string, string> = {};
      if (v.etag) headers['if-none-match'] = v.etag;
      if (v.lastModified) headers['if-modified-since'] = v.lastModified;
      return Object.keys(headers).length ? { ...r, headers } : r;
    }),
  );
}

async function saveValidators(
  deps: CrawlDeps,
  items: [string, { etag?: string; lastModified?: string }][],
): Promise<void> {
  for (const [url, v] of items) {
    const key = deps.keys.validators(url);
    const fields = Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as Record<string, string>;
    await deps.redis.multi().del(key).hset(key, fields).expire(key, VALIDATOR_TTL_SECONDS).exec();
  }
}

/**
 * One crawl of one source. For HTTP sources a single crawlee crawler does it all: each feed or
 * listing page, once parsed, adds the article pages never seen before to the same crawler, so
 * article fetching starts while other discovery pages are still loading and each crawl job
 * starts one crawler, not two. Browser sources discover over HTTP, then fetch articles with the
 * browser crawler.
 */
export async function crawlSource(
  deps: CrawlDeps,
  source: SourceConfig,
  runId?: string,
  opts: { since?: string } = {},
): Promise<CrawlSummary> {
  const log = deps.log.child({ sourceId: source.id });
  const summary: CrawlSummary = {
    sourceId: source.id,
    discovered: 0,
    new: 0,
    fetched: 0,
    fetchFailed: 0,
    articleJobIds: [],
    statusCounts: {},
    robotsBlocked: 0,
    pausedUntil: null,
  };
  const tally = (status: string): void => {
    summary.statusCounts[status] = (summary.statusCounts[status] ?? 0) + 1;
  };
  const robots = new RobotsPolicy({
    redis: deps.redis,
    keys: deps.keys,
    originMap: deps.originMap,
    log,
    userAgent: requestHeaders(source)['user-agent']!,
  });
  const allowedByRobots = async <T extends { url: string }>(items: T[]): Promise<T[]> => {
    const verdicts = await Promise.all(items.map((i) => robots.allowed(i.url)));
    const blocked = items.filter((_, k) => !verdicts[k]);
    if (blocked.length) {
      summary.robotsBlocked += blocked.length;
      log.info({ urls: blocked.map((b) => b.url) }, 'robots.txt disallows these URLs: not fetched');
    }
    return items.filter((_, k) => verdicts[k]);
  };
  const hosts = new HostPolicy(deps, deps.hostDelayMs ?? source.politeness.delayMs);
  for (const host of source.hosts) {
    const until = await hosts.pausedUntil(host);
    if (until) {
      summary.pausedUntil = until.toISOString();
      log.warn({ host, until: summary.pausedUntil }, 'host paused by the circuit breaker: crawl skipped');
      return summary;
    }
  }
  const since = opts.since ? Date.parse(opts.since) : null;
  // A backfill reads every page fully: no conditional GET, which could hide an old page.
  const planned = await allowedByRobots(discoveryRequests(source, since !== null));
  const discovery = since !== null ? planned : await withValidators(deps, planned);
  // Backfill walk: per listing page, the articles fetched from it and the newest date among them.
  const walk = new Map<string, { pending: number; fetched: number; newest: number; next: FetchRequest | null }>();
  const pageKey = (data: Record<string, unknown> | undefined): string =>
    `${String(data?.listing)}:${String(data?.page)}`;
  const newValidators: [string, { etag?: string; lastModified?: string }][] = [];
  let discoveryFailures = 0;
  const discovered = new Set<string>();
  const candidates = new Map<string, Candidate>();

  const onDiscoveryPage = async (page: FetchedPage): Promise<FetchRequest[]> => {
    // 304: the feed or listing has not changed since the last crawl that read it fully.
    if (page.status === 304) return [];
    if (page.etag || page.lastModified)
      newValidators.push([page.request.url, { etag: page.etag, lastModified: page.lastModified }]);
    let parsed: DiscoveredLinks;
    try {
      const kind = page.request.label === 'feed' || page.request.label === 'sitemap' ? page.request.label : 'listing';
      parsed = discoveryLinks(kind, page.body, page.finalUrl, source.timezone, String(page.request.data?.linkSelector));
    } catch (err) {
      discoveryFailures++;
      await recordFailure(deps, source, { request: page.request, reason: (err as Error).message });
      return [];
    }
    if (parsed.sitemapIndex) return sitemapChildren(page.request, parsed.sitemapIndex);
    let links = parsed.links;
    // Feed items that say they are older than the backfill date are not wanted.
    if (since !== null) links = links.filter((l) => !l.publishedAt || Date.parse(l.publishedAt) >= since);
    const onPageCandidates = articleCandidates(source, links);
    const nextPage = since !== null && page.request.label === 'listing' ? nextListingPage(page.request) : null;
    const found = onPageCandidates.filter((c) => !discovered.has(c.identity));
    for (const c of found) discovered.add(c.identity);
    summary.discovered = discovered.size;
    if (found.length === 0) return [];
    const flags = await deps.redis.smismember(deps.keys.seen, ...found.map((c) => c.identity));
    // Disallowed URLs stay unseen: if the outlet's robots.txt changes, a later crawl fetches them.
    const unseen = await allowedByRobots(found.filter((_, i) => flags[i] === 0));
    const room = source.discovery.maxNewPerCrawl - summary.new;
    if (unseen.length > room) {
      log.warn(
        { cap: source.discovery.maxNewPerCrawl, waiting: unseen.length - Math.max(0, room), page: page.request.url },
        'new-article cap of this crawl reached: the rest wait for the next crawl',
      );
    }
    const fresh = unseen.slice(0, Math.max(0, room));
    // The cap reached: no further listing page either (a backfill resumes on the next crawl).
    if (fresh.length === 0 && unseen.length > 0) return [];
    summary.new += fresh.length;
    for (const c of fresh) candidates.set(c.canonicalUrl, c);
    const requests = fresh.map((c) => ({
      url: c.url,
      label: 'article' as const,
      data: { canonicalUrl: c.canonicalUrl, ...(nextPage ? { listingPage: pageKey(page.request.data) } : {}) },
    }));
    if (nextPage) {
      // Nothing new on this page (all seen before): older pages may still hold unseen articles.
      if (requests.length === 0) return onPageCandidates.length > 0 ? [nextPage] : [];
      walk.set(pageKey(page.request.data), { pending: requests.length, fetched: 0, newest: -Infinity, next: nextPage });
    }
    return requests;
  };

  /** A sitemap index: its newest children matching the source's pattern, two levels deep at most. */
  function sitemapChildren(req: FetchRequest, children: { url: string; lastmod: string | null }[]): FetchRequest[] {
    const cfg = source.discovery.sitemaps[Number(req.data?.sitemap)];
    const depth = Number(req.data?.depth ?? 0);
    if (!cfg || depth >= 2) return [];
    // An index names its children; only the source's own, on its own port, are fetched.
    const own = children.filter((c) => isSourceUrl(source, c.url));
    return newestChildren(own, cfg.childPattern, cfg.maxChildren).map((url) => ({
      url,
      label: 'sitemap' as const,
      data: { ...req.data, depth: depth + 1 },
    }));
  }

  /** The listing page after this one, within the backfill depth. */
  function nextListingPage(req: FetchRequest): FetchRequest | null {
    const listing = source.discovery.listings[Number(req.data?.listing)];
    const n = Number(req.data?.page) + 1;
    const url = listing && n <= listing.backfillMaxPages ? listingPageUrl(listing, n) : null;
    return url ? { url, label: 'listing', data: { ...req.data, page: n } } : null;
  }

  /**
   * A backfill page is done when its articles are all fetched (or failed): walk on while any of
   * them is newer than the backfill date, stop at the first page that is entirely older.
   */
  function articleSettled(data: Record<string, unknown> | undefined, publishedAt: string | null): FetchRequest[] {
    const key = typeof data?.listingPage === 'string' ? data.listingPage : null;
    const w = key ? walk.get(key) : undefined;
    if (!w) return [];
    w.pending--;
    const t = publishedAt ? Date.parse(publishedAt) : NaN;
    if (Number.isFinite(t)) {
      w.fetched++;
      w.newest = Math.max(w.newest, t);
    }
    if (w.pending > 0) return [];
    walk.delete(key!);
    const goOn = w.next && (w.fetched === 0 || w.newest >= since!);
    if (!goOn)
      log.info({ page: key, newest: w.fetched ? new Date(w.newest).toISOString() : null }, 'backfill reached its date');
    return goOn ? [w.next!] : [];
  }

  // A page is marked seen (and its job listed for the run) only once its article job exists.
  const ownJobIds: string[] = [];
  const queued = new QueuedMarks(deps.redis, deps.keys, runId ? deps.keys.runArticles(source.id, runId) : null);

  const onArticlePage = async (page: FetchedPage): Promise<FetchRequest[]> => {
    const cand = candidates.get(String(page.request.data?.canonicalUrl));
    if (!cand) return [];
    const rawKey = deps.keys.raw(cand.storyId);
    const parkStart = performance.now();
    // Level 1: pages compress ~5× at a fraction of the default level's CPU; they live a day at most.
    // The page's own UTF-8 bytes when it came as UTF-8: the same text, without encoding it again.
    const raw = gzipSync(page.bodyUtf8 ?? page.body, { level: 1 });
    const park = deps.redis.pipeline().set(rawKey, raw, 'EX', PIPELINE.rawPageTtlSeconds);
    // The exchange for the WARC capture; its payload is the parked page itself when the page came
    // as UTF-8 (most outlets), so it is not stored twice.
    const captureKey = deps.captureWarc && page.capture ? deps.keys.capture(cand.storyId) : null;
    if (captureKey && page.capture) {
      const same = page.bodyUtf8 !== undefined && page.bodyUtf8.equals(page.capture.payload);
      const packed = packExchange(page.capture.exchange, same ? null : page.capture.payload);
      park.set(captureKey, gzipSync(packed, { level: 1 }), 'EX', PIPELINE.rawPageTtlSeconds);
    }
    const restore = queued.drainInto(park);
    try {
      await execChecked(park, `parking ${rawKey}`);
    } catch (err) {
      restore();
      throw err;
    }
    const id = await addArticleJob(deps.articleQueue, {
      sourceId: source.id,
      url: page.finalUrl,
      canonicalUrl: cand.canonicalUrl,
      storyId: cand.storyId,
      rawKey,
      ...(captureKey ? { captureKey } : {}),
      fetchedAt: new Date().toISOString(),
      feedPublishedAt: cand.feedPublishedAt,
      ...(runId ? { runId } : {}),
    });
    queued.add(cand.identity, id);
    ownJobIds.push(id);
    deps.timings?.add('park raw page + queue article job', performance.now() - parkStart);
    summary.fetched++;
    if (since === null || typeof page.request.data?.listingPage !== 'string') return [];
    // Backfill: the page's own date decides how far back the walk goes (listings carry none).
    const extracted = extractArticle(page.body, page.finalUrl, source);
    return articleSettled(page.request.data, (extracted.ok && extracted.article.publishedAt) || cand.feedPublishedAt);
  };

  const hostOf = (url: string): string => new URL(url).hostname;
  const onPage = async (page: FetchedPage): Promise<FetchRequest[] | void> => {
    tally(String(page.status));
    await hosts.success(hostOf(page.finalUrl));
    if (page.request.label === 'prime') return discovery; // the session is primed: now the feeds
    if (page.request.label === 'article') return onArticlePage(page);
    return onDiscoveryPage(page);
  };
  const onFailure = async (failure: FetchFailure): Promise<FetchRequest[]> => {
    tally('error');
    if (HOST_TROUBLE.test(failure.reason)) await hosts.failure(hostOf(failure.request.url), failure.reason);
    await recordFailure(deps, source, failure);
    if (failure.request.label === 'article') {
      summary.fetchFailed++;
      // A failed article of a backfill page still settles it (the walk must not hang on it).
      return articleSettled(failure.request.data, null);
    }
    if (failure.request.label === 'prime')
      discoveryFailures += discovery.length; // nothing else was asked
    else discoveryFailures++;
    return [];
  };

  const started = performance.now();
  const discoveryFetcher = defaultFetcher(deps, source, 'discovery', hosts);
  try {
    await fetchEverything();
  } catch (err) {
    // Pages whose jobs exist stay seen even when the crawl fails part-way.
    await queued.flush().catch(() => undefined);
    throw err;
  }
  await queued.flush();
  // Article jobs of every attempt of this run (a killed attempt's too); this attempt's otherwise.
  summary.articleJobIds = (await queued.runJobIds()) ?? ownJobIds;
  deps.timings?.add('crawl job: discover + fetch (crawlee, whole crawl)', performance.now() - started);

  async function fetchEverything(): Promise<void> {
    if (source.render === 'browser' || deps.fetcherFor) {
      const deferred: FetchRequest[] = [];
      await discoveryFetcher.fetchAll(
        discovery,
        async (page) => {
          const more = await onPage(page);
          if (more) deferred.push(...more);
        },
        onFailure,
      );
      await defaultFetcher(deps, source, 'article', hosts).fetchAll(deferred, onPage, onFailure);
    } else {
      // A source whose feeds need a primed session starts with the prime page (HTTP fetcher only:
      // a browser keeps its own cookies).
      const prime = source.discovery.primeUrl;
      const first: FetchRequest[] =
        prime && discovery.length > 0 && (await allowedByRobots([{ url: prime }])).length > 0
          ? [{ url: prime, label: 'prime' }]
          : discovery;
      await discoveryFetcher.fetchAll(first, onPage, onFailure);
    }
  }

  if (discovery.length > 0 && discoveryFailures >= discovery.length) {
    throw new DiscoveryFailedError(
      `every discovery URL of ${source.id} failed (${discovery.length}); see the fetch failure list`,
    );
  }
  // Validators are kept only after a crawl that fetched every new article: a 304 next time must
  // not hide an article this crawl failed to fetch.
  if (summary.fetchFailed === 0) await saveValidators(deps, newValidators);
  log.info(summary.statusCounts, 'status counts');
  log.info(
    { discovered: summary.discovered, new: summary.new, fetched: summary.fetched, fetchFailed: summary.fetchFailed },
    'crawl done',
  );
  return summary;
}
