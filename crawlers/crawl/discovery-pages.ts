// The handlers of discovery pages (feeds, sitemaps, listing and search pages): the page's links,
// then the articles among them to fetch in this crawl. What differs by label: a feed tells the
// poller its items and may re-check written stories it lists again; a sitemap index leads to its
// children; a listing page of a backfill leads to the page after it.
import { discoveryLinks, type DiscoveredLinks } from '../discovery/discovery-links.js';
import { listingPageKey, nextListingPage, sitemapChildren } from '../discovery/discovery-plan.js';
import type { ArticleCandidate } from '../discovery/article-candidates.js';
import { fetchFailure } from '../fetch-failure.js';
import type { FetchedPage } from '../fetched-page.js';
import type {
  ArticleRequest,
  DiscoveryRequest,
  FeedRequest,
  FetchRequest,
  ListingRequest,
  SitemapRequest,
} from '../fetch-request.js';
import type { Labelled } from '../label-router.js';
import type { BackfillWalk } from './backfill-walk.js';
import type { CrawlRun } from './crawl-run.js';

type Link = DiscoveredLinks['links'][number];

/** The page's links, or null: unchanged since it was last read fully (304), or unreadable. */
async function readLinks(
  run: CrawlRun,
  page: FetchedPage,
  req: DiscoveryRequest,
  read: () => DiscoveredLinks,
): Promise<DiscoveredLinks | null> {
  if (page.status === 304) return null;
  if (page.etag || page.lastModified)
    run.newValidators.push([req.url, { etag: page.etag, lastModified: page.lastModified }]);
  try {
    return read();
  } catch (err) {
    await run.fail({ ...fetchFailure(req, err), cause: 'unreadable' });
    return null;
  }
}

/** A backfill's listing page with a page after it: its articles say when to walk on. */
interface WalkStep {
  walk: BackfillWalk;
  key: string;
  next: ListingRequest;
}

/** The article requests for a discovery page's links (and the re-checks it asks for). */
async function articlesOnPage(
  run: CrawlRun,
  req: DiscoveryRequest,
  found: Link[],
  opts: { recheckRelisted: boolean; step: WalkStep | null },
): Promise<FetchRequest[]> {
  const { summary, since } = run;
  // Feed items that say they are older than the backfill date are not wanted.
  const links = since === null ? found : found.filter((l) => !l.publishedAt || Date.parse(l.publishedAt) >= since);
  const picked = await run.articles.select(links, req.url);
  // A feed listing a written story again with a newer date: it may have been edited.
  const relisted = opts.recheckRelisted && !run.walk ? await run.rechecks.relisted(picked.seen) : [];
  summary.discovered = run.articles.discovered;
  summary.robotsBlocked += picked.disallowed;
  const step = opts.step;
  const toArticle = (c: ArticleCandidate): ArticleRequest => ({
    url: c.url,
    label: 'article',
    data: { canonicalUrl: c.canonicalUrl, ...(step ? { listingPage: step.key } : {}) },
  });
  for (const u of picked.unreachable) await run.unreachable(toArticle(u.item), u.reason);
  if (picked.found.length === 0) return [];
  // The cap reached: no further listing page either (a backfill resumes on the next crawl).
  if (picked.fresh.length === 0 && picked.capped > 0) return relisted;
  summary.new = run.articles.chosen;
  for (const c of picked.fresh) run.candidates.set(c.canonicalUrl, c);
  const requests = picked.fresh.map(toArticle);
  if (step) {
    // Nothing new on this page (all seen before): older pages may still hold unseen articles.
    if (requests.length === 0) return picked.onPage > 0 ? [step.next] : [];
    step.walk.expect(step.key, requests.length, step.next);
  }
  return [...requests, ...relisted];
}

export async function feedPage(run: CrawlRun, page: Labelled<FetchedPage, 'feed'>): Promise<FetchRequest[]> {
  const req: FeedRequest = page.request;
  const parsed = await readLinks(run, page, req, () =>
    discoveryLinks('feed', page.body, page.finalUrl, run.source.timezone),
  );
  if (!parsed) return [];
  await run.deps.onFeedLinks?.(req.url, parsed.links);
  return articlesOnPage(run, req, parsed.links, { recheckRelisted: true, step: null });
}

export async function sitemapPage(run: CrawlRun, page: Labelled<FetchedPage, 'sitemap'>): Promise<FetchRequest[]> {
  const req: SitemapRequest = page.request;
  const parsed = await readLinks(run, page, req, () =>
    discoveryLinks('sitemap', page.body, page.finalUrl, run.source.timezone),
  );
  if (!parsed) return [];
  if (parsed.sitemapIndex) return sitemapChildren(run.source, req, parsed.sitemapIndex);
  return articlesOnPage(run, req, parsed.links, { recheckRelisted: false, step: null });
}

export async function listingPage(run: CrawlRun, page: Labelled<FetchedPage, 'listing'>): Promise<FetchRequest[]> {
  const req: ListingRequest = page.request;
  const parsed = await readLinks(run, page, req, () =>
    discoveryLinks('listing', page.body, page.finalUrl, run.source.timezone, req.data.linkSelector),
  );
  if (!parsed) return [];
  const next = run.walk ? nextListingPage(run.source, req) : null;
  const step = run.walk && next ? { walk: run.walk, key: listingPageKey(req), next } : null;
  return articlesOnPage(run, req, parsed.links, { recheckRelisted: false, step });
}
