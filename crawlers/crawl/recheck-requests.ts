// The re-checks of one crawl (src/recheck/recheck-policy.ts): written stories whose scheduled
// check is due, and stories a feed lists again with a newer date. They are fetched as article
// requests after the crawl's discovery and new articles, through the same host spacing and
// robots.txt, at most RECHECK.maxPerCrawl a crawl; each fetched page is parked and queued as a
// re-check job (pipeline/article/recheck-story.ts) and the story's next check is scheduled then.
import { gzipSync } from 'node:zlib';
import type { SourceConfig } from '../../config/source-schema.js';
import { PIPELINE } from '../../config/pipeline.js';
import { packExchange } from '../../src/archive/http-exchange.js';
import type { Logger } from '../../base/logger.js';
import { addArticleJob } from '../../base/job-table.js';
import { execChecked } from '../../base/redis/exec-checked.js';
import {
  dueRechecks,
  markChecked,
  RECHECK,
  relistedRechecks,
  type DueRecheck,
} from '../../src/recheck/recheck-policy.js';
import type { ArticleCandidate as Candidate } from '../discovery/article-candidates.js';
import type { FetchedPage } from '../fetched-page.js';
import type { ArticleRequest } from '../fetch-request.js';
import type { QueuedMarks } from '../queued-marks.js';
import type { RobotsPolicy } from '../robots-policy.js';
import type { CrawlDeps } from './crawl-deps.js';
import { robotsGate } from './robots-gate.js';

export class Rechecks {
  /** Chosen in this crawl, by canonical URL: what a fetched article page is parked as. */
  private readonly chosen = new Map<string, DueRecheck>();

  constructor(
    private readonly deps: CrawlDeps,
    private readonly source: SourceConfig,
    private readonly robots: RobotsPolicy,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  get count(): number {
    return this.chosen.size;
  }

  /** The scheduled checks due now, as article requests. */
  async scheduled(): Promise<ArticleRequest[]> {
    const room = RECHECK.maxPerCrawl - this.chosen.size;
    return this.choose(await dueRechecks(this.deps.redis, this.deps.keys, this.source.id, this.now(), room));
  }

  /** Links of a discovery page fetched before whose feed date moved on, as article requests. */
  async relisted(seen: readonly Candidate[]): Promise<ArticleRequest[]> {
    const fresh = seen.filter((c) => !this.chosen.has(c.canonicalUrl));
    if (fresh.length === 0 || this.chosen.size >= RECHECK.maxPerCrawl) return [];
    const due = await relistedRechecks(this.deps.redis, this.deps.keys, fresh, this.now());
    return this.choose(due.slice(0, RECHECK.maxPerCrawl - this.chosen.size));
  }

  private async choose(due: DueRecheck[]): Promise<ArticleRequest[]> {
    const gate = await robotsGate(
      this.robots,
      this.log,
      due.map((d) => ({ url: d.record.url, due: d })),
    );
    for (const { due: d } of gate.allowed) this.chosen.set(d.record.canonicalUrl, d);
    if (gate.allowed.length)
      this.log.info(
        { rechecks: gate.allowed.map((g) => ({ storyId: g.due.record.storyId, reason: g.due.reason })) },
        're-checking written stories for edits',
      );
    return gate.allowed.map(({ due: d }) => ({
      url: d.record.url,
      label: 'article',
      data: { canonicalUrl: d.record.canonicalUrl },
    }));
  }

  /** Whether this article page is a re-check of this crawl. */
  has(canonicalUrl: string): boolean {
    return this.chosen.has(canonicalUrl);
  }

  /** Parks the page and queues its re-check job; the story's next check is scheduled in the same write. */
  async park(page: FetchedPage, canonicalUrl: string, queued: QueuedMarks, runId: string | undefined): Promise<string> {
    const due = this.chosen.get(canonicalUrl)!;
    const { keys, redis } = this.deps;
    const n = due.record.checks + 1;
    // Keys of their own: the story's first fetch may still be parked under its id.
    const tag = `${due.record.storyId}.c${n}`;
    const fetchedAt = new Date(this.now()).toISOString();
    const m = redis
      .multi()
      .set(keys.raw(tag), gzipSync(page.bodyUtf8 ?? page.body, { level: 1 }), 'EX', PIPELINE.rawPageTtlSeconds);
    const captureKey = this.deps.captureWarc && page.capture ? keys.capture(tag) : null;
    if (captureKey && page.capture) {
      const same = page.bodyUtf8 !== undefined && page.bodyUtf8.equals(page.capture.payload);
      const packed = packExchange(page.capture.exchange, same ? null : page.capture.payload);
      m.set(captureKey, gzipSync(packed, { level: 1 }), 'EX', PIPELINE.rawPageTtlSeconds);
    }
    markChecked(m, keys, due, fetchedAt);
    const restore = queued.drainInto(m);
    try {
      await execChecked(m, `parking the re-check of ${due.record.storyId}`);
    } catch (err) {
      restore();
      throw err;
    }
    const id = await addArticleJob(this.deps.articleQueue, {
      sourceId: this.source.id,
      url: page.finalUrl,
      canonicalUrl,
      storyId: due.record.storyId,
      rawKey: keys.raw(tag),
      ...(captureKey ? { captureKey } : {}),
      fetchedAt,
      feedPublishedAt: due.record.listedAt,
      ...(runId ? { runId } : {}),
      recheck: { reason: due.reason, n },
    });
    queued.addJob(id);
    return id;
  }

  /** A re-check whose fetch failed counts as made: a page gone for good is not asked for on every crawl. */
  async failed(canonicalUrl: string): Promise<void> {
    const due = this.chosen.get(canonicalUrl);
    if (!due) return;
    const m = this.deps.redis.multi();
    markChecked(m, this.deps.keys, due, new Date(this.now()).toISOString());
    await execChecked(m, `counting the failed re-check of ${due.record.storyId}`);
  }
}
