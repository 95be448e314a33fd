// The only place for queue names, job payload schemas, job ids and retry settings (ARCHITECTURE.md).
import { createHash } from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { PIPELINE } from '../config/pipeline.js';
import { alertItemSchema, spikeSchema, threadRefSchema } from './alert-item.js';

export const QUEUE = { crawl: 'crawl', article: 'article', alert: 'alert' } as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/**
 * Scheduler ticks become delayed crawl jobs (the jitter); crawl jobs discover and fetch; a poll job
 * reads one feed and puts itself back, delayed until its next poll (crawlers/poll/).
 */
export const JOB = {
  tick: 'tick',
  crawl: 'crawl',
  poll: 'poll',
  article: 'article',
  alert: 'alert',
  digest: 'digest',
} as const;

export const crawlJobSchema = z.strictObject({
  sourceId: z.string().min(1),
  /** Set by `crawl --once` to tie jobs to one run. */
  runId: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  /** Backfill: walk listing pages back to this date. */
  since: z.iso.datetime({ offset: true }).optional(),
});
export type CrawlJobData = z.infer<typeof crawlJobSchema>;

export const tickJobSchema = z.strictObject({ sourceId: z.string().min(1) });

export const pollJobSchema = z.strictObject({ sourceId: z.string().min(1), feed: z.url() });
export type PollJobData = z.infer<typeof pollJobSchema>;

export const articleJobSchema = z.strictObject({
  sourceId: z.string().min(1),
  /** The real URL the article was fetched from (after redirects). */
  url: z.url(),
  canonicalUrl: z.url(),
  storyId: z.string().regex(/^[0-9a-f]{16}$/),
  rawKey: z.string().min(1),
  /** The parked HTTP exchange for the page's WARC capture, when capture is on. */
  captureKey: z.string().min(1).optional(),
  fetchedAt: z.iso.datetime({ offset: true }),
  /** pubDate from the feed, used when the page prints no date. */
  feedPublishedAt: z.string().nullable(),
  runId: z.string().optional(),
  /** A written story's page fetched again to see whether it changed (pipeline/article/recheck-story.ts). */
  recheck: z
    .strictObject({
      /** relisted: a feed listed it again with a newer date; scheduled: the re-check policy's turn. */
      reason: z.enum(['relisted', 'scheduled']),
      /** Which re-check of the story this is (1, 2, …). */
      n: z.number().int().min(1),
    })
    .optional(),
});
export type ArticleJobData = z.infer<typeof articleJobSchema>;

export const articleOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('written'),
    storyId: z.string(),
    file: z.string(),
    seq: z.number(),
    alertJobIds: z.array(z.string()),
    /** Written, but near the relevance threshold (the ledger's "borderline" bucket). */
    borderline: z.boolean().optional(),
    /** Written, linked to an earlier story it follows up or reports beside (the ledger's "related" bucket). */
    related: z.object({ id: z.string(), kind: z.string() }).optional(),
  }),
  z.object({ outcome: z.literal('duplicate'), storyId: z.string(), duplicateOf: z.string() }),
  z.object({
    outcome: z.literal('off-topic'),
    storyId: z.string(),
    score: z.number(),
    title: z.string(),
    url: z.string().optional(),
    topTerms: z.array(z.string()).optional(),
    reason: z.string().optional(),
  }),
  z.object({ outcome: z.literal('already-written'), storyId: z.string() }),
  /** The page's own date is far older than its listing's (pipeline/article/skip-stale.ts): not written, not alerted. */
  z.object({
    outcome: z.literal('stale'),
    storyId: z.string(),
    url: z.string(),
    title: z.string(),
    reason: z.string(),
  }),
  /**
   * A written story's page fetched again (pipeline/article/recheck-story.ts): unchanged (a WARC
   * revisit), page-only (other bytes, the same text: a new response, no line), edited (a new
   * revision: an edit line), or unreadable (no article found in it: captured, no line).
   */
  z.object({
    outcome: z.literal('rechecked'),
    storyId: z.string(),
    change: z.enum(['unchanged', 'page-only', 'edited', 'unreadable', 'untracked']),
    revision: z.number().optional(),
  }),
]);
export type ArticleOutcome = z.infer<typeof articleOutcomeSchema>;

export { alertItemSchema, spikeSchema, spikeThreadSchema, type AlertItem, type SpikeFacts } from './alert-item.js';

export const alertJobSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('instant'), channel: z.string(), item: alertItemSchema }),
  z.strictObject({ kind: z.literal('digest'), channel: z.string(), rule: z.string() }),
  /** The later stories of a thread a per-thread rule already alerted on, as one update. */
  z.strictObject({
    kind: z.literal('thread-update'),
    channel: z.string(),
    rule: z.string(),
    ruleDescription: z.string().nullable(),
    thread: threadRefSchema,
  }),
  z.strictObject({
    kind: z.literal('spike'),
    channel: z.string(),
    rule: z.string(),
    ruleDescription: z.string().nullable(),
    spike: spikeSchema,
  }),
]);
export type AlertJobData = z.infer<typeof alertJobSchema>;

export interface CrawlSummary {
  sourceId: string;
  discovered: number;
  new: number;
  fetched: number;
  fetchFailed: number;
  articleJobIds: string[];
  /** Pages requested in this crawl by HTTP status ("error" when no response). */
  statusCounts: Record<string, number>;
  /** URLs not fetched because the outlet's robots.txt disallows them. */
  robotsBlocked: number;
  /** Set when the crawl was skipped because the circuit breaker paused the source's host. */
  pausedUntil: string | null;
  /** Failed fetches (feeds, listings, robots.txt, articles) by cause, HTTP errors by status ("HTTP 404"). */
  failures: Record<string, number>;
  /** The last failure's words, for a one-line summary. */
  lastError: string | null;
  /** Discovery requests (feeds, listings, sitemaps) this crawl planned: 0 when it had nothing to read. */
  discoveryPlanned: number;
  /** The last failure with its root cause and what failed (crawlers/failure-cause.ts), or null. */
  failure: { cause: string; via: string; reason: string } | null;
}

/** Deterministic ids, never containing ':' (BullMQ uses ':' in its keys). */
export const jobId = {
  article: (storyId: string) => `art-${storyId}`,
  /** The n-th re-check of a written story (src/recheck/). */
  recheck: (storyId: string, n: number) => `art-${storyId}-c${n}`,
  crawlRun: (sourceId: string, runId: string) => `crawl-${sourceId}-${runId}`,
  scheduler: (sourceId: string) => `sched-${sourceId}`,
  /** One poll job per feed, for good: it is delayed again after each poll, never completed. */
  poll: (sourceId: string, feedUrl: string) =>
    `poll-${sourceId}-${createHash('sha1').update(feedUrl).digest('hex').slice(0, 16)}`,
  /** Deduplication id: at most one scheduled crawl per source waiting at a time. */
  crawlDedupe: (sourceId: string) => `crawl-${sourceId}`,
  /** One alert per (story, rule, channel), whatever the number of re-crawls or retries. */
  alert: (storyId: string, rule: string, channel: string) => `alert-${storyId}-${rule}-${channel}`,
  digestScheduler: (rule: string, channel: string) => `digest-${rule}-${channel}`,
  /** The update of a thread that `storyId`'s arrival scheduled: retries of that story's job add the same one. */
  threadUpdate: (root: string, rule: string, channel: string, storyId: string) =>
    `thrup-${root}-${rule}-${channel}-${storyId}`,
  /** One alert per (rule, spike, channel): the spike is named by the story that tipped it. */
  spike: (rule: string, spikeId: string, channel: string) => `spike-${rule}-${spikeId}-${channel}`,
};

/** Alerts retry longer than pages: a receiver may be down for a while. Capped at 8 attempts. */
export const ALERT_JOB_OPTS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000, jitter: 0.3 },
  removeOnComplete: PIPELINE.keepCompleted,
  removeOnFail: PIPELINE.keepFailed,
};

export const DEFAULT_JOB_OPTS: JobsOptions = {
  attempts: PIPELINE.attempts,
  backoff: { type: 'exponential', delay: PIPELINE.backoffMs, jitter: 0.3 },
  removeOnComplete: PIPELINE.keepCompleted,
  removeOnFail: PIPELINE.keepFailed,
};

export interface Queues {
  crawl: Queue;
  article: Queue;
  alert: Queue;
  close(): Promise<void>;
}

export function openQueues(connection: Redis, bullPrefix: string): Queues {
  const crawl = new Queue(QUEUE.crawl, { connection, prefix: bullPrefix, defaultJobOptions: DEFAULT_JOB_OPTS });
  const article = new Queue(QUEUE.article, { connection, prefix: bullPrefix, defaultJobOptions: DEFAULT_JOB_OPTS });
  const alert = new Queue(QUEUE.alert, { connection, prefix: bullPrefix, defaultJobOptions: ALERT_JOB_OPTS });
  return {
    crawl,
    article,
    alert,
    close: async () => {
      await Promise.all([crawl.close(), article.close(), alert.close()]);
    },
  };
}
