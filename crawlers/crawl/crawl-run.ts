// One crawl of one source in progress: what its page handlers (crawl-routes.ts) share. The
// articles chosen for fetching, the counts the summary reports, the backfill walk, and how a
// failed fetch is counted and recorded.
import type { SourceConfig } from '../../config/source-schema.js';
import type { Logger } from '../../base/logger.js';
import type { CrawlSummary } from '../../base/queues.js';
import { UrlLedger } from '../../src/stats/url-ledger.js';
import type { ArticleCandidate } from '../discovery/article-candidates.js';
import { RobotsUnreachableError } from '../errors.js';
import { sourceFailureOf } from '../failure-cause.js';
import { failureKey, fetchFailure, type FetchFailure } from '../fetch-failure.js';
import type { FetchRequest } from '../fetch-request.js';
import { routeByLabel, type LabelRoutes } from '../label-router.js';
import { QueuedMarks } from '../queued-marks.js';
import { requestHeaders } from '../request-policy.js';
import { RobotsPolicy } from '../robots-policy.js';
import { BackfillWalk } from './backfill-walk.js';
import type { Validators } from './conditional-get.js';
import { emptySummary, type CrawlDeps, type CrawlOptions } from './crawl-deps.js';
import { recordFailure } from './failure-log.js';
import { NewArticles } from './new-articles.js';
import { Rechecks } from './recheck-requests.js';

export class CrawlRun {
  readonly log: Logger;
  readonly summary: CrawlSummary;
  /** Backfill: the date (ms) listing pages are walked back to, and the walk. */
  readonly since: number | null;
  readonly walk: BackfillWalk | null;
  readonly robots: RobotsPolicy;
  readonly articles: NewArticles;
  readonly rechecks: Rechecks;
  readonly queued: QueuedMarks;
  /** The articles chosen for fetching, by canonical URL: what a fetched page is parked as. */
  readonly candidates = new Map<string, ArticleCandidate>();
  /** Article jobs this attempt queued. */
  readonly ownJobIds: string[] = [];
  /** Validators of the discovery pages read fully, saved if the crawl fetched every article. */
  readonly newValidators: [string, Validators][] = [];
  discoveryFailures = 0;
  private readonly ledger: UrlLedger;

  constructor(
    readonly deps: CrawlDeps,
    readonly source: SourceConfig,
    readonly runId: string | undefined,
    opts: CrawlOptions,
  ) {
    this.log = deps.log.child({ sourceId: source.id });
    this.summary = emptySummary(source.id);
    this.since = opts.since ? Date.parse(opts.since) : null;
    this.walk = this.since !== null ? new BackfillWalk(this.since, this.log) : null;
    this.robots = new RobotsPolicy({ ...deps, log: this.log, userAgent: requestHeaders(source)['user-agent']! });
    this.articles = new NewArticles(source, { ...deps, log: this.log }, this.robots);
    this.rechecks = new Rechecks(deps, source, this.robots, this.log);
    this.queued = new QueuedMarks(deps.redis, deps.keys, runId ? deps.keys.runArticles(source.id, runId) : null);
    this.ledger = new UrlLedger(deps.redis, deps.keys);
  }

  /** A failed fetch: counted in the summary by its cause and label, recorded for the operator. */
  async fail(f: FetchFailure): Promise<void> {
    const key = failureKey(f);
    this.summary.failures[key] = (this.summary.failures[key] ?? 0) + 1;
    this.summary.lastError = f.reason;
    this.summary.failure = sourceFailureOf(this.source, f);
    await routeByLabel(this.failureCounts, f);
    await recordFailure({ ...this.deps, log: this.log }, this.source.id, f);
  }

  /** A request robots.txt could not be read for. */
  unreachable(request: FetchRequest, reason: string): Promise<void> {
    return this.fail(fetchFailure(request, new RobotsUnreachableError(reason)));
  }

  private readonly discoveryFailed = async (): Promise<void> => {
    this.discoveryFailures++;
  };

  /** What a failure of each kind of request counts against. */
  private readonly failureCounts: LabelRoutes<FetchFailure, Promise<void>> = {
    prime: this.discoveryFailed,
    feed: this.discoveryFailed,
    sitemap: this.discoveryFailed,
    listing: this.discoveryFailed,
    article: async (f) => {
      this.summary.fetchFailed++;
      const url = f.request.data.canonicalUrl;
      await this.rechecks.failed(url);
      const cand = this.candidates.get(url);
      if (cand)
        await this.ledger.settle(
          this.source.id,
          cand.storyId,
          'failed',
          `${sourceFailureOf(this.source, f).via}: ${failureKey(f)}`,
        );
    },
  };
}
