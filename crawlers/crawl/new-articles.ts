// Which of a discovery page's links become article fetches in this crawl: article URLs of the
// source (article-candidates.ts), not already found on another page of this crawl, never fetched
// before (the seen set), allowed by robots.txt, and within the crawl's new-article cap.
import type { Redis } from 'ioredis';
import type { SourceConfig } from '../../config/source-schema.js';
import type { Logger } from '../../src/logger.js';
import type { Keys } from '../../src/redis/keys.js';
import { articleCandidates, type Candidate } from '../discovery/article-candidates.js';
import type { RobotsPolicy } from '../robots-policy.js';
import { robotsGate } from './robots-gate.js';

export interface PageSelection {
  /** Article links on the page, met before in this crawl or not. */
  onPage: number;
  /** Every article link of the page that this crawl had not met yet. */
  found: Candidate[];
  /** Those to fetch now. */
  fresh: Candidate[];
  /** Unseen, allowed, but over the cap: they wait for the next crawl. */
  capped: number;
  disallowed: number;
  /** Unseen articles robots.txt could not judge (unreachable), with why. */
  unreachable: { item: Candidate; reason: string }[];
}

export class NewArticles {
  /** Identities met on any page of this crawl. */
  private readonly met = new Set<string>();
  /** Articles chosen for fetching so far (the cap counts these). */
  chosen = 0;

  constructor(
    private readonly source: SourceConfig,
    private readonly deps: { redis: Redis; keys: Keys; log: Logger },
    private readonly robots: RobotsPolicy,
  ) {}

  /** Distinct article links met in this crawl. */
  get discovered(): number {
    return this.met.size;
  }

  async select(
    links: ReadonlyArray<{ url: string; publishedAt?: string | null }>,
    pageUrl: string,
  ): Promise<PageSelection> {
    // A link refused as not an article is never silent: one debug line each.
    const onPage = articleCandidates(this.source, links, (r) =>
      this.deps.log.debug({ url: r.url, why: r.why, page: pageUrl }, 'link refused: not an article of this source'),
    );
    const found = onPage.filter((c) => !this.met.has(c.identity));
    for (const c of found) this.met.add(c.identity);
    if (found.length === 0)
      return { onPage: onPage.length, found, fresh: [], capped: 0, disallowed: 0, unreachable: [] };
    const flags = await this.deps.redis.smismember(this.deps.keys.seen, ...found.map((c) => c.identity));
    // Disallowed URLs stay unseen: if the outlet's robots.txt changes, a later crawl fetches them.
    const gate = await robotsGate(
      this.robots,
      this.deps.log,
      found.filter((_, i) => flags[i] === 0),
    );
    const room = Math.max(0, this.source.discovery.maxNewPerCrawl - this.chosen);
    if (gate.allowed.length > room) {
      this.deps.log.warn(
        { cap: this.source.discovery.maxNewPerCrawl, waiting: gate.allowed.length - room, page: pageUrl },
        'new-article cap of this crawl reached: the rest wait for the next crawl',
      );
    }
    const fresh = gate.allowed.slice(0, room);
    this.chosen += fresh.length;
    return {
      onPage: onPage.length,
      found,
      fresh,
      capped: gate.allowed.length - fresh.length,
      disallowed: gate.disallowed.length,
      unreachable: gate.unreachable,
    };
  }
}
