// The backfill walk (`crawl --since`): a listing's next page is asked for once every article found
// on the current page is settled (fetched or failed), while any of them is newer than the date;
// the first page that is entirely older ends the walk.
import type { Logger } from '../../base/logger.js';
import type { ListingRequest } from '../fetch-request.js';

interface PageState {
  pending: number;
  fetched: number;
  newest: number;
  next: ListingRequest | null;
}

export class BackfillWalk {
  private readonly pages = new Map<string, PageState>();

  constructor(
    /** The backfill date (ms). */
    private readonly since: number,
    private readonly log: Logger,
  ) {}

  /** A listing page whose `articles` article requests were just queued. */
  expect(pageKey: string, articles: number, next: ListingRequest | null): void {
    this.pages.set(pageKey, { pending: articles, fetched: 0, newest: -Infinity, next });
  }

  /** One article of `pageKey` settled, with its date (null: failed or undated): the next page, if due. */
  settle(pageKey: string | undefined, publishedAt: string | null): ListingRequest[] {
    const w = pageKey ? this.pages.get(pageKey) : undefined;
    if (!w) return [];
    w.pending--;
    const t = publishedAt ? Date.parse(publishedAt) : NaN;
    if (Number.isFinite(t)) {
      w.fetched++;
      w.newest = Math.max(w.newest, t);
    }
    if (w.pending > 0) return [];
    this.pages.delete(pageKey!);
    const goOn = w.next !== null && (w.fetched === 0 || w.newest >= this.since);
    if (!goOn)
      this.log.info(
        { page: pageKey, newest: w.fetched ? new Date(w.newest).toISOString() : null },
        'backfill reached its date',
      );
    return goOn && w.next ? [w.next] : [];
  }
}
