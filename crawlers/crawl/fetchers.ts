// Which fetcher reads what. For HTTP sources one crawlee crawler does it all: each feed or listing
// page, once parsed, adds the article pages never seen before to the same crawler, so article
// fetching starts while other discovery pages are still loading. Browser sources (and tests that
// bring their own fetchers) discover over HTTP first, then fetch the articles with the browser.
import type { SourceConfig } from '../../config/source-schema.js';
import { createBrowserFetcher } from '../browser-fetcher.js';
import type { FetchFailure } from '../fetch-failure.js';
import type { ArticleRequest, DiscoveryRequest, FetchedPage, FetchRequest, PageFetcher } from '../fetched-page.js';
import type { HostPolicy } from '../host-policy.js';
import { createHttpFetcher } from '../http-fetcher.js';
import type { CrawlDeps } from './crawl-deps.js';

type OnPage = (page: FetchedPage) => Promise<FetchRequest[] | void>;
type OnFailure = (failure: FetchFailure) => Promise<FetchRequest[] | void>;

function fetcher(deps: CrawlDeps, source: SourceConfig, kind: 'discovery' | 'article', hosts: HostPolicy): PageFetcher {
  if (deps.fetcherFor) return deps.fetcherFor(source, kind);
  // Feeds and listings are plain documents; only article pages may need the browser.
  return kind === 'article' && source.render === 'browser'
    ? createBrowserFetcher(source, deps.originMap, hosts, deps.requestTimeoutSecs)
    : createHttpFetcher(source, deps.originMap, hosts, deps.requestTimeoutSecs);
}

export function fetchersFor(deps: CrawlDeps, source: SourceConfig, hosts: HostPolicy) {
  return {
    /**
     * Fetches the discovery requests and every article they lead to. `primeUrl`: visited first
     * for its session cookie (HTTP only: a browser keeps its own cookies); its page answers with
     * the discovery requests. `articles`: article pages asked for from the start (re-checks of
     * written stories), fetched by the article fetcher.
     */
    async run(
      discovery: DiscoveryRequest[],
      primeUrl: string | undefined,
      onPage: OnPage,
      onFailure: OnFailure,
      articles: ArticleRequest[] = [],
    ) {
      const discoveryFetcher = fetcher(deps, source, 'discovery', hosts);
      if (source.render === 'browser' || deps.fetcherFor) {
        const deferred: FetchRequest[] = [...articles];
        await discoveryFetcher.fetchAll(
          discovery,
          async (page) => {
            const more = await onPage(page);
            if (more) deferred.push(...more);
          },
          onFailure,
        );
        await fetcher(deps, source, 'article', hosts).fetchAll(deferred, onPage, onFailure);
        return;
      }
      const first = primeUrl ? [{ url: primeUrl, label: 'prime' as const }] : [...discovery, ...articles];
      await discoveryFetcher.fetchAll(first, onPage, onFailure);
    },
  };
}
