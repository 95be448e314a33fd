// What a crawl writes once an article job exists: the page's seen mark and, for a run somebody
// waits on (`crawl --once`), the job's id in the run's list. Both wait to ride along with the next
// page's write (one round trip fewer per page on the crawling thread); a crash before they land
// means a re-fetch, not a loss. The run's list outlives the attempt: a crawl job killed and
// retried adds to the same list, so the run's summary waits for, and counts, the article jobs
// every attempt queued — not only those of the attempt that finished.
import type { ChainableCommander, Redis } from 'ioredis';
import type { Keys } from '../base/redis/keys.js';

/** A run's list lives as long as completed jobs are kept for bookkeeping (a day is plenty). */
const RUN_LIST_TTL_SECONDS = 24 * 3600;

export class QueuedMarks {
  private seen: string[] = [];
  private jobs: string[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    /** The run's list key, or null for a crawl nobody waits on. */
    private readonly runKey: string | null,
  ) {}

  /** The article job for the page `identity` exists. */
  add(identity: string, jobId: string): void {
    this.seen.push(identity);
    if (this.runKey) this.jobs.push(jobId);
  }

  /** Puts the pending marks into `p`; the returned function puts them back if `p` fails. */
  drainInto(p: ChainableCommander): () => void {
    const seen = this.seen.splice(0);
    const jobs = this.jobs.splice(0);
    if (seen.length > 0) p.sadd(this.keys.seen, ...seen);
    if (jobs.length > 0 && this.runKey) p.sadd(this.runKey, ...jobs).expire(this.runKey, RUN_LIST_TTL_SECONDS);
    return () => {
      this.seen.push(...seen);
      this.jobs.push(...jobs);
    };
  }

  /** Writes what is pending now. */
  async flush(): Promise<void> {
    if (this.seen.length === 0 && this.jobs.length === 0) return;
    const p = this.redis.multi();
    const restore = this.drainInto(p);
    try {
      await p.exec();
    } catch (err) {
      restore();
      throw err;
    }
  }

  /** Every article job queued for this run by any attempt (after `flush`), or null without a run. */
  async runJobIds(): Promise<string[] | null> {
    return this.runKey ? this.redis.smembers(this.runKey) : null;
  }
}
