// The handlers of article pages: a fetched page is parked and its article job queued (a re-check
// of a written story goes its own way, recheck-requests.ts); in a backfill, the page's date, or
// its failure, settles it on the listing page it was found on (backfill-walk.ts).
import { readPageDate } from '../../src/extract/page-date.js';
import type { FetchFailure } from '../fetch-failure.js';
import type { FetchedPage } from '../fetched-page.js';
import type { FetchRequest } from '../fetch-request.js';
import type { Labelled } from '../label-router.js';
import type { CrawlRun } from './crawl-run.js';
import { parkArticle } from './park-article.js';

export async function articlePage(run: CrawlRun, page: Labelled<FetchedPage, 'article'>): Promise<FetchRequest[]> {
  const { canonicalUrl, listingPage } = page.request.data;
  if (run.rechecks.has(canonicalUrl)) {
    run.ownJobIds.push(await run.rechecks.park(page, canonicalUrl, run.queued, run.runId));
    return [];
  }
  const cand = run.candidates.get(canonicalUrl);
  if (!cand) return [];
  const parkStart = performance.now();
  run.ownJobIds.push(await parkArticle(run.deps, run.source.id, cand, page, run.queued, run.runId));
  run.deps.timings?.add('park raw page + queue article job', performance.now() - parkStart);
  run.summary.fetched++;
  if (!run.walk || listingPage === undefined) return [];
  // Backfill: the page's own date decides how far back the walk goes (listings carry none). Only
  // the date is read here: the article job extracts the page, once.
  const date = readPageDate(page.body, page.finalUrl, run.source);
  return run.walk.settle(listingPage, date ?? cand.feedPublishedAt);
}

export async function articleFailed(run: CrawlRun, f: Labelled<FetchFailure, 'article'>): Promise<FetchRequest[]> {
  await run.fail(f);
  // A failed article of a backfill page still settles it (the walk must not hang on it).
  return run.walk ? run.walk.settle(f.request.data.listingPage, null) : [];
}
