// The crawl's handlers by label, in two tables: what each kind of page leads to, and what each
// kind of failure counts against and leads to. A new label does not compile until both say.
import type { FetchFailure } from '../fetch-failure.js';
import type { FetchedPage } from '../fetched-page.js';
import type { FetchRequest } from '../fetch-request.js';
import type { LabelRoutes } from '../label-router.js';
import { articleFailed, articlePage } from './article-page.js';
import type { CrawlRun } from './crawl-run.js';
import { feedPage, listingPage, sitemapPage } from './discovery-pages.js';

export type PageRoutes = LabelRoutes<FetchedPage, Promise<FetchRequest[]>>;
export type FailureRoutes = LabelRoutes<FetchFailure, Promise<FetchRequest[]>>;

/** `afterPrime`: what the prime page's answer leads to (its session is set: now the plan). */
export function pageRoutes(run: CrawlRun, afterPrime: () => FetchRequest[]): PageRoutes {
  return {
    prime: async () => afterPrime(),
    feed: (page) => feedPage(run, page),
    sitemap: (page) => sitemapPage(run, page),
    listing: (page) => listingPage(run, page),
    article: (page) => articlePage(run, page),
  };
}

/** `afterPrime`: how many planned discovery URLs a failed prime page leaves unasked. */
export function failureRoutes(run: CrawlRun, unaskedAfterPrime: () => number): FailureRoutes {
  const discoveryFailed = async (f: FetchFailure): Promise<FetchRequest[]> => {
    await run.fail(f);
    return [];
  };
  return {
    prime: async (f) => {
      // Nothing else was asked: every planned discovery URL counts as failed.
      run.discoveryFailures += unaskedAfterPrime();
      return discoveryFailed(f);
    },
    feed: discoveryFailed,
    sitemap: discoveryFailed,
    listing: discoveryFailed,
    article: (f) => articleFailed(run, f),
  };
}
