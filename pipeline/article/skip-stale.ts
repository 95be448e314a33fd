// A stale page: its own date is far older than the date its feed or sitemap gives it (a 2021
// page listed as today's). Not written as a new story and never alerted; recorded with the two
// dates for `tinwatch skipped` and the URL ledger's "stale" bucket, and its parked page released.
import type { Redis } from 'ioredis';
import type { ArticleOutcome } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import type { ArticleContext } from './article-context.js';
import { skipArticle } from './skip-article.js';

/** How much older than its listing a page's own date may be before the page counts as stale. */
export const STALE_AFTER_DAYS = 7;

/** The two dates when the page is stale, else null (either date missing or unreadable: not stale). */
export function staleDates(
  pageDate: string | null | undefined,
  listedAt: string | null | undefined,
): { pageDate: string; listedAt: string } | null {
  if (!pageDate || !listedAt) return null;
  const page = Date.parse(pageDate);
  const listed = Date.parse(listedAt);
  if (!Number.isFinite(page) || !Number.isFinite(listed)) return null;
  return listed - page > STALE_AFTER_DAYS * 24 * 3600 * 1000 ? { pageDate, listedAt } : null;
}

export async function skipStale(
  deps: { redis: Redis; keys: Keys },
  ctx: ArticleContext,
  dates: { pageDate: string; listedAt: string },
): Promise<ArticleOutcome> {
  const { data, article } = ctx;
  const reason = `stale: the page is dated ${dates.pageDate.slice(0, 10)}, its listing says ${dates.listedAt.slice(0, 10)}`;
  const outcome: ArticleOutcome = {
    outcome: 'stale',
    storyId: data.storyId,
    url: data.url,
    title: article.title,
    reason,
  };
  return skipArticle(deps, ctx, outcome, { score: 0, top_terms: [], reason });
}
