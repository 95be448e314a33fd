// Which of a discovery page's links become article fetches in this crawl: article URLs of the
// source (article-candidates.ts), not already found on another page of this crawl, never fetched
// before (the seen set), allowed by robots.txt, and within the crawl's new-article cap.
import type { Redis } from 'ioredis';
import type { SourceConfig } from '../../config/source-schema.js';
import type { Logger } from '../../base/logger.js';
import type { Keys } from '../../base/redis/keys.js';
import { articleCandidates, type Candidate } from '../discovery/article-candidates.js';
import type { RobotsPolicy } from '../robots-policy.js';
import { robotsGate } from './robots-gate.js';
import { UrlLedger } from '../../src/stats/url-ledger.js';

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

  private get ledger(): UrlLedger {
    return new UrlLedger(this.deps.redis, this.deps.keys);
  }

  /** The ledger's word on each: fetched now, deferred (cap, robots.txt), failed (robots.txt unreachable). */
  private async account(
    fresh: Candidate[],
    capped: Candidate[],
    disallowed: Candidate[],
    unreachable: { item: Candidate }[],
  ): Promise<void> {
    await this.ledger.mark(this.source.id, [
      ...fresh.map((c) => [c.storyId, 'in-progress'] as const),
      ...capped.map((c) => [c.storyId, 'deferred', 'cap: maxNewPerCrawl reached'] as const),
      ...disallowed.map((c) => [c.storyId, 'deferred', 'robots.txt disallows'] as const),
      ...unreachable.map((u) => [u.item.storyId, 'failed', 'robots-unreachable'] as const),
    ]);
  }

  /** Distinct article links met in this crawl. */
  get discovered(): number {
    return this.met.size;
  }

  async select(
    links: ReadonlyArray<{ url: string; publishedAt?: string | null }>,
    pageUrl: string,
  ): Promise<PageSelection> {
    // A link refused as not an article is never silent: counted in the ledger, one debug line each.
    const refused: { url: string; why: string }[] = [];
    const onPage = articleCandidates(this.source, links, (url, why) => {
      refused.push({ url, why });
      this.deps.log.debug({ url, why, page: pageUrl }, 'link refused: not an article of this source');
    });
    await this.ledger.rejected(this.source.id, refused);
    const found = onPage.filter((c) => !this.met.has(c.identity));
    for (const c of found) this.met.add(c.identity);
    if (found.length === 0)
      return { onPage: onPage.length, found, fresh: [], capped: 0, disallowed: 0, unreachable: [] };
    const flags = await this.deps.redis.smismember(this.deps.keys.seen, ...found.map((c) => c.identity));
    // Never fetched: discovered (today, unless an earlier crawl today met it already).
    const unseen = found.filter((_, i) => flags[i] === 0);
    await this.ledger.discovered(
      this.source.id,
      unseen.map((c) => c.storyId),
    );
    // Disallowed URLs stay unseen: if the outlet's robots.txt changes, a later crawl fetches them.
    const gate = await robotsGate(this.robots, this.deps.log, unseen);
    const room = Math.max(0, this.source.discovery.maxNewPerCrawl - this.chosen);
    if (gate.allowed.length > room) {
      this.deps.log.warn(
        { cap: this.source.discovery.maxNewPerCrawl, waiting: gate.allowed.length - room, page: pageUrl },
        'new-article cap of this crawl reached: the rest wait for the next crawl',
      );
    }
    const fresh = gate.allowed.slice(0, room);
    this.chosen += fresh.length;
    await this.account(fresh, gate.allowed.slice(room), gate.disallowed, gate.unreachable);
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
