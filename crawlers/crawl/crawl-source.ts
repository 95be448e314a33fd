// One crawl of one source: discover article links (feeds, sitemaps, searches, listings), keep
// only URLs never fetched before, fetch those once, park each page and queue its article job.
// Returns the counts `crawl --once` reports. The pieces, in the order a page meets them:
//   discovery-plan.ts   what to ask for       conditional-get.ts  ETag / Last-Modified
//   robots-gate.ts      robots.txt            new-articles.ts     unseen, allowed, within the cap
//   park-article.ts     page → article job    backfill-walk.ts    --since: walk listing pages back
//   failure-log.ts      failures, by cause (fetch-failure.ts), to the failed list and host policy
//   fetchers.ts         one HTTP crawler for everything, or HTTP discovery then the browser
//   crawl-deps.ts       what a crawl needs, and the summary it returns
import type { SourceConfig } from '../../config/source-schema.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import type { CrawlSummary } from '../../base/queues.js';
import type { ArticleCandidate } from '../discovery/article-candidates.js';
import { discoveryLinks } from '../discovery/discovery-links.js';
import { discoveryRequests, listingPageKey, nextListingPage, sitemapChildren } from '../discovery/discovery-plan.js';
import { DiscoveryFailedError, RobotsUnreachableError } from '../errors.js';
import { failureKey, fetchFailure, formatFailureCounts, isHostTrouble, type FetchFailure } from '../fetch-failure.js';
import type { ArticleRequest, DiscoveryRequest, FetchedPage, FetchRequest } from '../fetched-page.js';
import { HostPolicy } from '../host-policy.js';
import { QueuedMarks } from '../queued-marks.js';
import { requestHeaders } from '../request-policy.js';
import { RobotsPolicy } from '../robots-policy.js';
import { BackfillWalk } from './backfill-walk.js';
import { saveValidators, withValidators, type Validators } from './conditional-get.js';
import { sourceFailureOf } from '../failure-cause.js';
import { UrlLedger } from '../../src/stats/url-ledger.js';
import { recordFailure } from './failure-log.js';
import { runFetchers } from './fetchers.js';
import { NewArticles } from './new-articles.js';
import { parkArticle } from './park-article.js';
import { Rechecks } from './recheck-requests.js';
import { robotsGate } from './robots-gate.js';
import { emptySummary, type CrawlDeps } from './crawl-deps.js';

export interface CrawlOptions {
  /** Backfill: walk listing pages back to this date. */
  since?: string;
  /**
   * Which feeds this crawl reads: all of them (default), none (a scheduled crawl while the feeds
   * are polled on their own, crawlers/poll/), or one (a feed poll).
   */
  feeds?: 'all' | 'none' | { only: string };
}

/** The discovery requests a crawl with these options asks for. */
function plannedDiscovery(source: SourceConfig, opts: CrawlOptions): DiscoveryRequest[] {
  const all = discoveryRequests(source, opts.since !== undefined);
  const feeds = opts.feeds ?? 'all';
  if (feeds === 'all') return all;
  if (feeds === 'none') return all.filter((r) => r.label !== 'feed');
  return all.filter((r) => r.label === 'feed' && r.url === feeds.only);
}

export async function crawlSource(
  deps: CrawlDeps,
  source: SourceConfig,
  runId?: string,
  opts: CrawlOptions = {},
): Promise<CrawlSummary> {
  const log = deps.log.child({ sourceId: source.id });
  const summary = emptySummary(source.id);
  const hosts = new HostPolicy(deps, deps.hostDelayMs ?? source.politeness.delayMs, deps.feedTurns);
  for (const host of source.hosts) {
    const until = await hosts.pausedUntil(host);
    if (until) {
      summary.pausedUntil = until.toISOString();
      log.warn({ host, until: summary.pausedUntil }, 'host paused by the circuit breaker: crawl skipped');
      return summary;
    }
  }
  const robots = new RobotsPolicy({ ...deps, log, userAgent: requestHeaders(source)['user-agent']! });
  const since = opts.since ? Date.parse(opts.since) : null;
  const walk = since !== null ? new BackfillWalk(since, log) : null;
  const articles = new NewArticles(source, { ...deps, log }, robots);
  const rechecks = new Rechecks(deps, source, robots, log);
  const queued = new QueuedMarks(deps.redis, deps.keys, runId ? deps.keys.runArticles(source.id, runId) : null);
  const ownJobIds: string[] = [];
  const newValidators: [string, Validators][] = [];
  /** The articles chosen for fetching, by canonical URL: what a fetched page is parked as. */
  const candidates = new Map<string, ArticleCandidate>();
  let discoveryFailures = 0;
  const ledger = new UrlLedger(deps.redis, deps.keys);

  const fail = async (f: FetchFailure): Promise<void> => {
    const key = failureKey(f);
    summary.failures[key] = (summary.failures[key] ?? 0) + 1;
    summary.lastError = f.reason;
    summary.failure = sourceFailureOf(source, f);
    if (f.request.label === 'article') {
      summary.fetchFailed++;
      await rechecks.failed(f.request.data.canonicalUrl);
      const cand = candidates.get(f.request.data.canonicalUrl);
      if (cand)
        await ledger.settle(source.id, cand.storyId, 'failed', `${sourceFailureOf(source, f).via}: ${failureKey(f)}`);
    } else discoveryFailures++;
    await recordFailure({ ...deps, log }, source.id, f);
  };
  const unreachable = (request: FetchRequest, reason: string): Promise<void> =>
    fail(fetchFailure(request, new RobotsUnreachableError(reason)));

  // A backfill reads every page fully: no conditional GET, which could hide an old page.
  const gate = await robotsGate(robots, log, plannedDiscovery(source, opts));
  summary.robotsBlocked += gate.disallowed.length;
  for (const u of gate.unreachable) await unreachable(u.item, u.reason);
  const discovery = walk ? gate.allowed : await withValidators(deps.redis, deps.keys, gate.allowed);
  const planned = discovery.length + gate.unreachable.length;
  summary.discoveryPlanned = planned;
  // Written stories due a re-check go with the discovery requests (a backfill makes none).
  const due = walk ? [] : await rechecks.scheduled();

  const onDiscoveryPage = async (page: FetchedPage, req: DiscoveryRequest): Promise<FetchRequest[]> => {
    // 304: the feed or listing has not changed since the last crawl that read it fully.
    if (page.status === 304) return [];
    if (page.etag || page.lastModified)
      newValidators.push([req.url, { etag: page.etag, lastModified: page.lastModified }]);
    let parsed;
    try {
      const selector = req.label === 'listing' ? req.data.linkSelector : undefined;
      parsed = discoveryLinks(req.label, page.body, page.finalUrl, source.timezone, selector);
    } catch (err) {
      await fail({ ...fetchFailure(req, err), cause: 'unreadable' });
      return [];
    }
    if (req.label === 'feed') await deps.onFeedLinks?.(req.url, parsed.links);
    if (parsed.sitemapIndex) return req.label === 'sitemap' ? sitemapChildren(source, req, parsed.sitemapIndex) : [];
    // Feed items that say they are older than the backfill date are not wanted.
    const links =
      since === null ? parsed.links : parsed.links.filter((l) => !l.publishedAt || Date.parse(l.publishedAt) >= since);
    const picked = await articles.select(links, req.url);
    // A feed listing a written story again with a newer date: it may have been edited.
    const relisted = req.label === 'feed' && !walk ? await rechecks.relisted(picked.seen) : [];
    summary.discovered = articles.discovered;
    summary.robotsBlocked += picked.disallowed;
    // Backfill: a listing page with a page after it; its articles say when to walk on.
    const next = walk && req.label === 'listing' ? nextListingPage(source, req) : null;
    const walkKey = next && req.label === 'listing' ? listingPageKey(req) : null;
    const toArticle = (c: ArticleCandidate): ArticleRequest => ({
      url: c.url,
      label: 'article',
      data: { canonicalUrl: c.canonicalUrl, ...(walkKey ? { listingPage: walkKey } : {}) },
    });
    for (const u of picked.unreachable) await unreachable(toArticle(u.item), u.reason);
    if (picked.found.length === 0) return [];
    // The cap reached: no further listing page either (a backfill resumes on the next crawl).
    if (picked.fresh.length === 0 && picked.capped > 0) return relisted;
    summary.new = articles.chosen;
    for (const c of picked.fresh) candidates.set(c.canonicalUrl, c);
    const requests = picked.fresh.map(toArticle);
    if (walk && next && walkKey) {
      // Nothing new on this page (all seen before): older pages may still hold unseen articles.
      if (requests.length === 0) return picked.onPage > 0 ? [next] : [];
      walk.expect(walkKey, requests.length, next);
    }
    return [...requests, ...relisted];
  };

  const onArticlePage = async (page: FetchedPage, req: ArticleRequest): Promise<FetchRequest[]> => {
    if (rechecks.has(req.data.canonicalUrl)) {
      ownJobIds.push(await rechecks.park(page, req.data.canonicalUrl, queued, runId));
      return [];
    }
    const cand = candidates.get(req.data.canonicalUrl);
    if (!cand) return [];
    const parkStart = performance.now();
    ownJobIds.push(await parkArticle(deps, source.id, cand, page, queued, runId));
    deps.timings?.add('park raw page + queue article job', performance.now() - parkStart);
    summary.fetched++;
    if (!walk || req.data.listingPage === undefined) return [];
    // Backfill: the page's own date decides how far back the walk goes (listings carry none).
    const extracted = extractArticle(page.body, page.finalUrl, source);
    return walk.settle(req.data.listingPage, (extracted.ok && extracted.article.publishedAt) || cand.feedPublishedAt);
  };

  const hostOf = (url: string): string => new URL(url).hostname;
  const onPage = async (page: FetchedPage): Promise<FetchRequest[] | void> => {
    summary.statusCounts[page.status] = (summary.statusCounts[page.status] ?? 0) + 1;
    await hosts.success(hostOf(page.finalUrl));
    const req = page.request;
    if (req.label === 'prime') return [...discovery, ...due]; // the session is primed: now the feeds
    if (req.label === 'article') return onArticlePage(page, req);
    return onDiscoveryPage(page, req);
  };
  const onFailure = async (failure: FetchFailure): Promise<FetchRequest[]> => {
    summary.statusCounts.error = (summary.statusCounts.error ?? 0) + 1;
    if (isHostTrouble(failure)) await hosts.failure(hostOf(failure.request.url), failure.reason);
    const req = failure.request;
    if (req.label === 'prime') {
      // Nothing else was asked: every planned discovery URL counts as failed.
      discoveryFailures += discovery.length - 1;
    }
    await fail(failure);
    // A failed article of a backfill page still settles it (the walk must not hang on it).
    return req.label === 'article' && walk ? walk.settle(req.data.listingPage, null) : [];
  };

  const started = performance.now();
  const primeUrl = source.discovery.primeUrl;
  const prime =
    primeUrl && discovery.length + due.length > 0 ? (await robotsGate(robots, log, [{ url: primeUrl }])).allowed : [];
  try {
    const plan = { discovery, primeUrl: prime.length ? primeUrl : undefined, articles: due };
    await runFetchers(deps.fetchers(source, hosts), plan, onPage, onFailure);
  } catch (err) {
    // Pages whose jobs exist stay seen even when the crawl fails part-way.
    await queued.flush().catch(() => undefined);
    throw err;
  }
  await queued.flush();
  // Article jobs of every attempt of this run (a killed attempt's too); this attempt's otherwise.
  const runJobIds = await queued.runJobIds();
  summary.articleJobIds = runJobIds ?? ownJobIds;
  // A killed attempt marked its pages seen, so this attempt does not count them as new: the
  // run's list (the record) does. Without this a run's summary showed fewer new than written.
  const earlier = earlierAttemptsJobs(runJobIds, ownJobIds);
  summary.new += earlier;
  summary.fetched += earlier;
  deps.timings?.add('crawl job: discover + fetch (crawlee, whole crawl)', performance.now() - started);

  if (planned > 0 && discoveryFailures >= planned) {
    throw new DiscoveryFailedError(
      `every discovery URL of ${source.id} failed (${planned}; ${formatFailureCounts(summary.failures)}): ${summary.lastError ?? 'see the fetch failure list'}`,
      summary.failure ?? undefined,
    );
  }
  // Validators only after a crawl that fetched every new article (conditional-get.ts).
  if (summary.fetchFailed === 0) await saveValidators(deps.redis, deps.keys, newValidators);
  // One line per crawl, and none for a crawl that had nothing to read (feeds polled on their own).
  const done = {
    discovered: summary.discovered,
    new: summary.new,
    fetched: summary.fetched,
    fetchFailed: summary.fetchFailed,
    statusCounts: summary.statusCounts,
  };
  if (planned > 0) log.info(done, 'crawl done');
  else log.debug(done, 'crawl done: nothing to read');
  return summary;
}

/** Article jobs that earlier (killed) attempts of the run queued and this attempt did not. */
function earlierAttemptsJobs(runJobIds: readonly string[] | null, ownJobIds: readonly string[]): number {
  if (!runJobIds) return 0;
  const own = new Set(ownJobIds);
  return runJobIds.filter((id) => !own.has(id)).length;
}
