// Which fetcher reads what. For HTTP sources one crawlee crawler does it all: each feed or listing
// page, once parsed, adds the article pages never seen before to the same crawler, so article
// fetching starts while other discovery pages are still loading. Browser sources discover over
// HTTP first, then fetch the articles with the browser. The fetchers are a dependency of the crawl
// (CrawlDeps.fetchers): the composition passes `pageFetchers`, a test may pass its own.
import type { SourceConfig } from '../../config/source-schema.js';
import type { OriginMap } from '../../base/url/origin-map.js';
import { createBrowserFetcher } from '../browser-fetcher.js';
import type { FetchFailure } from '../fetch-failure.js';
import type { FetchedPage, PageFetcher } from '../fetched-page.js';
import type { ArticleRequest, DiscoveryRequest, FetchRequest } from '../fetch-request.js';
import type { HostPolicy } from '../host-policy.js';
import { createHttpFetcher } from '../http-fetcher.js';

type OnPage = (page: FetchedPage) => Promise<FetchRequest[] | void>;
type OnFailure = (failure: FetchFailure) => Promise<FetchRequest[] | void>;

/** The fetchers of one crawl. `articles` null: the discovery fetcher reads the articles too. */
export interface CrawlFetchers {
  discovery: PageFetcher;
  articles: PageFetcher | null;
}

/** Builds the fetchers of one crawl of `source`, behind its host policy. */
export type FetchersFor = (source: SourceConfig, hosts: HostPolicy) => CrawlFetchers;

/** HTTP for everything, the browser for the article pages of a `render: browser` source. */
export function pageFetchers(originMap: OriginMap, timeoutSecs?: number): FetchersFor {
  return (source, hosts) => ({
    discovery: createHttpFetcher(source, originMap, hosts, timeoutSecs),
    // Feeds and listings are plain documents; only article pages may need the browser.
    articles: source.render === 'browser' ? createBrowserFetcher(source, originMap, hosts, timeoutSecs) : null,
  });
}

/** What one crawl asks its fetchers for. */
export interface FetchPlan {
  discovery: DiscoveryRequest[];
  /**
   * Visited first for its session cookie, with one crawler only (a browser keeps its own
   * cookies); its page answers with the discovery requests.
   */
  primeUrl: string | undefined;
  /** Article pages asked for from the start (re-checks of written stories). */
  articles: ArticleRequest[];
}

/** Fetches the plan's requests and every request their pages lead to. */
export async function runFetchers(
  fetchers: CrawlFetchers,
  plan: FetchPlan,
  onPage: OnPage,
  onFailure: OnFailure,
): Promise<void> {
  if (fetchers.articles) {
    const deferred: FetchRequest[] = [...plan.articles];
    await fetchers.discovery.fetchAll(
      plan.discovery,
      async (page) => {
        const more = await onPage(page);
        if (more) deferred.push(...more);
      },
      onFailure,
    );
    await fetchers.articles.fetchAll(deferred, onPage, onFailure);
    return;
  }
  const first: FetchRequest[] = plan.primeUrl
    ? [{ url: plan.primeUrl, label: 'prime' }]
    : [...plan.discovery, ...plan.articles];
  await fetchers.discovery.fetchAll(first, onPage, onFailure);
}
