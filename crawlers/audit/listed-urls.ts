// What an outlet lists right now (its feeds, sitemaps and listing pages), read the way a crawl
// reads them: the same fetchers (SSRF guard, size caps, timeouts), robots.txt, the host gate and
// the one-a-minute feed turn. Nothing is recorded (no validators, no failed list, no seen marks)
// and no article page is fetched: the audit only asks what the outlet says it published.
import type { SourceConfig } from '../../config/source-schema.js';
import { articleCandidates, type ArticleCandidate as Candidate } from '../discovery/article-candidates.js';
import { discoveryLinks, type DiscoveredLinks } from '../discovery/discovery-links.js';
import { routeByLabel, type LabelRoutes } from '../label-router.js';
import { discoveryRequests, sitemapChildren } from '../discovery/discovery-plan.js';
import type { FetchedPage } from '../fetched-page.js';
import type { DiscoveryRequest, FetchRequest } from '../fetch-request.js';
import type { FetchFailure } from '../fetch-failure.js';
import { HostPolicy } from '../host-policy.js';
import { requestHeaders } from '../request-policy.js';
import { RobotsPolicy } from '../robots-policy.js';
import type { CrawlDeps } from '../crawl/crawl-deps.js';
import { runFetchers } from '../crawl/fetchers.js';
import { robotsGate } from '../crawl/robots-gate.js';

export interface ListedUrl extends Candidate {
  /** The feed, sitemap or listing pages that list it. */
  listedOn: string[];
  /** Only a listing page lists it (a listing's other links are menus, not articles). */
  listingOnly: boolean;
}

export interface Listing {
  listed: ListedUrl[];
  /** Links of feeds and sitemaps the source's URL rules refuse (a feed lists articles only). */
  rejected: { url: string; why: string; listedOn: string }[];
  /** Links of listing pages the rules refuse: counted, not reported one by one (menus, sections). */
  rejectedOnListings: number;
  /** Discovery pages read, and those that could not be. */
  pagesRead: string[];
  unreadable: { url: string; reason: string }[];
}

export async function listedUrls(deps: CrawlDeps, source: SourceConfig): Promise<Listing> {
  const log = deps.log.child({ sourceId: source.id, audit: true });
  const hosts = new HostPolicy(deps, deps.hostDelayMs ?? source.politeness.delayMs, deps.feedTurns);
  const robots = new RobotsPolicy({ ...deps, log, userAgent: requestHeaders(source)['user-agent']! });
  const out: Listing = { listed: [], rejected: [], rejectedOnListings: 0, pagesRead: [], unreadable: [] };
  const byIdentity = new Map<string, ListedUrl>();

  const gate = await robotsGate(robots, log, discoveryRequests(source, false));
  for (const d of gate.disallowed) out.unreadable.push({ url: d.url, reason: 'robots.txt disallows it' });
  for (const u of gate.unreachable) out.unreadable.push({ url: u.item.url, reason: u.reason });

  /** Records the article links of a discovery page (a listing's other links are menus). */
  const collect = (req: DiscoveryRequest, links: DiscoveredLinks['links'], listing: boolean): FetchRequest[] => {
    const found = articleCandidates(source, links, (url, why) => {
      if (listing) out.rejectedOnListings++;
      else out.rejected.push({ url, why, listedOn: req.url });
    });
    for (const c of found) {
      const known = byIdentity.get(c.identity);
      if (known) {
        known.listedOn.push(req.url);
        known.listingOnly &&= listing;
        known.feedPublishedAt ??= c.feedPublishedAt;
      } else byIdentity.set(c.identity, { ...c, listedOn: [req.url], listingOnly: listing });
    }
    return [];
  };
  const read = (page: FetchedPage, kind: DiscoveryRequest['label'], selector?: string): DiscoveredLinks => {
    out.pagesRead.push(page.request.url);
    return discoveryLinks(kind, page.body, page.finalUrl, source.timezone, selector);
  };
  // One handler per label (label-router.ts); a discovery page that cannot be parsed throws.
  const routes: LabelRoutes<FetchedPage, FetchRequest[]> = {
    prime: () => gate.allowed,
    feed: (page) => collect(page.request, read(page, 'feed').links, false),
    sitemap: (page) => {
      const parsed = read(page, 'sitemap');
      if (parsed.sitemapIndex) return sitemapChildren(source, page.request, parsed.sitemapIndex);
      return collect(page.request, parsed.links, false);
    },
    listing: (page) => collect(page.request, read(page, 'listing', page.request.data.linkSelector).links, true),
    article: () => [],
  };
  const onPage = async (page: FetchedPage): Promise<FetchRequest[] | void> => {
    await hosts.success(new URL(page.finalUrl).hostname);
    try {
      return routeByLabel(routes, page);
    } catch (err) {
      out.unreadable.push({ url: page.request.url, reason: `unreadable: ${(err as Error).message}` });
      return [];
    }
  };
  const onFailure = async (f: FetchFailure): Promise<FetchRequest[]> => {
    out.unreadable.push({ url: f.request.url, reason: f.reason });
    return [];
  };
  const primeUrl = source.discovery.primeUrl;
  const prime = primeUrl && gate.allowed.length > 0 ? (await robotsGate(robots, log, [{ url: primeUrl }])).allowed : [];
  const plan = { discovery: gate.allowed, primeUrl: prime.length ? primeUrl : undefined, articles: [] };
  await runFetchers(deps.fetchers(source, hosts), plan, onPage, onFailure);
  out.listed = [...byIdentity.values()];
  return out;
}
