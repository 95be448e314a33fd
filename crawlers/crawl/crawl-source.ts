// One crawl of one source: discover article links (feeds, sitemaps, searches, listings), keep
// only URLs never fetched before, fetch those once, park each page and queue its article job.
// Returns the counts `crawl --once` reports. Each fetched page and each failure goes to the
// handler of its request's label (crawl-routes.ts, one table each). The pieces, in the order a
// page meets them:
//   discovery-plan.ts   what to ask for       conditional-get.ts  ETag / Last-Modified
//   robots-gate.ts      robots.txt            fetchers.ts         HTTP, or HTTP then the browser
//   crawl-routes.ts     handlers by label: discovery-pages.ts (feed, sitemap, listing) and
//                       article-page.ts; new-articles.ts picks the unseen, allowed, within the cap
//   park-article.ts     page → article job    backfill-walk.ts    --since: walk listing pages back
//   crawl-run.ts        what the handlers share; failures by cause (fetch-failure.ts) to the
//                       failed list (failure-log.ts) and the host policy
//   crawl-deps.ts       what a crawl needs, and the summary it starts from
import type { SourceConfig } from '../../config/source-schema.js';
import type { CrawlSummary } from '../../base/queues.js';
import { discoveryRequests } from '../discovery/discovery-plan.js';
import { DiscoveryFailedError } from '../errors.js';
import { formatFailureCounts, isHostTrouble, type FetchFailure } from '../fetch-failure.js';
import type { FetchedPage } from '../fetched-page.js';
import type { DiscoveryRequest, FetchRequest } from '../fetch-request.js';
import { HostPolicy } from '../host-policy.js';
import { routeByLabel } from '../label-router.js';
import { saveValidators, withValidators } from './conditional-get.js';
import type { CrawlDeps, CrawlOptions } from './crawl-deps.js';
import { failureRoutes, pageRoutes } from './crawl-routes.js';
import { CrawlRun } from './crawl-run.js';
import { runFetchers } from './fetchers.js';
import { robotsGate } from './robots-gate.js';

export type { CrawlOptions } from './crawl-deps.js';

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
  const run = new CrawlRun(deps, source, runId, opts);
  const { log, summary, robots } = run;
  const hosts = new HostPolicy(deps, deps.hostDelayMs ?? source.politeness.delayMs, deps.feedTurns);
  for (const host of source.hosts) {
    const until = await hosts.pausedUntil(host);
    if (until) {
      summary.pausedUntil = until.toISOString();
      log.warn({ host, until: summary.pausedUntil }, 'host paused by the circuit breaker: crawl skipped');
      return summary;
    }
  }

  // A backfill reads every page fully: no conditional GET, which could hide an old page.
  const gate = await robotsGate(robots, log, plannedDiscovery(source, opts));
  summary.robotsBlocked += gate.disallowed.length;
  for (const u of gate.unreachable) await run.unreachable(u.item, u.reason);
  const discovery = run.walk ? gate.allowed : await withValidators(deps.redis, deps.keys, gate.allowed);
  const planned = discovery.length + gate.unreachable.length;
  summary.discoveryPlanned = planned;
  // Written stories due a re-check go with the discovery requests (a backfill makes none).
  const due = run.walk ? [] : await run.rechecks.scheduled();

  const pages = pageRoutes(run, () => [...discovery, ...due]);
  const failures = failureRoutes(run, () => discovery.length - 1);
  const hostOf = (url: string): string => new URL(url).hostname;
  const onPage = async (page: FetchedPage): Promise<FetchRequest[]> => {
    summary.statusCounts[page.status] = (summary.statusCounts[page.status] ?? 0) + 1;
    await hosts.success(hostOf(page.finalUrl));
    return routeByLabel(pages, page);
  };
  const onFailure = async (failure: FetchFailure): Promise<FetchRequest[]> => {
    summary.statusCounts.error = (summary.statusCounts.error ?? 0) + 1;
    if (isHostTrouble(failure)) await hosts.failure(hostOf(failure.request.url), failure.reason);
    return routeByLabel(failures, failure);
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
    await run.queued.flush().catch(() => undefined);
    throw err;
  }
  await run.queued.flush();
  // Article jobs of every attempt of this run (a killed attempt's too); this attempt's otherwise.
  const runJobIds = await run.queued.runJobIds();
  summary.articleJobIds = runJobIds ?? run.ownJobIds;
  // A killed attempt marked its pages seen, so this attempt does not count them as new: the
  // run's list (the record) does. Without this a run's summary showed fewer new than written.
  const earlier = earlierAttemptsJobs(runJobIds, run.ownJobIds);
  summary.new += earlier;
  summary.fetched += earlier;
  deps.timings?.add('crawl job: discover + fetch (crawlee, whole crawl)', performance.now() - started);

  if (planned > 0 && run.discoveryFailures >= planned) {
    throw new DiscoveryFailedError(
      `every discovery URL of ${source.id} failed (${planned}; ${formatFailureCounts(summary.failures)}): ${summary.lastError ?? 'see the fetch failure list'}`,
      summary.failure ?? undefined,
      summary.failures,
    );
  }
  // Validators only after a crawl that fetched every new article (conditional-get.ts).
  if (summary.fetchFailed === 0) await saveValidators(deps.redis, deps.keys, run.newValidators);
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
