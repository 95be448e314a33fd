// One feed request a minute per host, across every poll of every feed and every worker process:
// a poll takes its host's turn (SET NX PX, like the host gate in host-policy.ts) or learns how long
// until the turn is free and comes back then, instead of holding a worker while it waits.
//
// Feeds of one host share its turns: when a turn frees, the feed whose poll has been due longest
// takes it (each chain records when its next poll is due). Without that, two feeds due at once
// raced for every turn and one could lose several in a row: its items waited minutes longer than
// the policy planned. A chain that stopped asking (its worker died, the feed was removed) stops
// counting as a rival a spacing after its last ask.
//
// The turn is held while the request is in flight (a request can leave the process later than the
// code that sends it, and take up to the request timeout), then set to last one spacing from the
// moment the answer came: the spacing is between requests as the outlet sees them.
//
// One instance per crawl or poll, built with the crawl's dependencies (workers/crawl-deps-of.ts):
// a poll takes the turn with it and its crawl's feed request sends on that turn, so the turn is
// taken once; a crawl that took none (`crawl --once`) marks it as its feed request leaves.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';
import { PIPELINE } from '../../config/pipeline.js';

/** How long a feed request may stay in flight: its timeout (retries take a turn of their own). */
export function feedInFlightMs(opts: { requestTimeoutSecs?: number | undefined }): number {
  return (opts.requestTimeoutSecs ?? PIPELINE.requestTimeoutSecs) * 1000;
}

/** A turn freed between the two calls is tried again this soon, not in a tight loop. */
const RETRY_MS = 50;

export class FeedTurns {
  /** Hosts whose turn this instance took and no feed request has used yet. */
  private readonly held = new Set<string>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    /** Real milliseconds between two feed requests to one host. */
    private readonly spacingMs: number,
    /** Real milliseconds a request may stay in flight (the request timeout). */
    private readonly inFlightMs: number,
  ) {}

  /** Whether feed requests are spaced at all (feed polling on). */
  get spaced(): boolean {
    return this.spacingMs > 0;
  }

  /**
   * Takes the host's turn: 0 when taken, otherwise the real milliseconds until it may be.
   * With `feed`, the turn goes to the host's feed whose poll has been due longest.
   */
  async take(host: string, feed?: string): Promise<number> {
    if (this.spacingMs <= 0) return 0;
    const key = this.keys.feedTurn(host);
    if (feed !== undefined) {
      const yieldMs = await this.yieldTo(host, feed);
      if (yieldMs > 0) return yieldMs;
    }
    if (await this.redis.set(key, '1', 'PX', this.spacingMs + this.inFlightMs, 'NX')) {
      this.held.add(host);
      return 0;
    }
    // While a request is in flight the turn is held long, but usually freed a spacing after its
    // answer: look again then rather than at the hold's end.
    return Math.max(RETRY_MS, Math.min(this.spacingMs, await this.redis.pttl(key)));
  }

  /** 0 when this feed may take a free turn; otherwise how long to wait for a feed due before it. */
  private async yieldTo(host: string, feed: string): Promise<number> {
    const now = Date.now();
    const due = this.keys.feedDue(host);
    const asked = this.keys.feedAsked(host);
    const [, , dueRes, askedRes] =
      (await this.redis
        .multi()
        .zadd(due, 'NX', now, feed)
        .zadd(asked, now, feed)
        .zrangebyscore(due, '-inf', String(now), 'WITHSCORES')
        .zrange(asked, '0', '-1', 'WITHSCORES')
        .exec()) ?? [];
    const dueList = (dueRes?.[1] as string[] | undefined) ?? [];
    const askedAt = new Map<string, number>();
    const askedList = (askedRes?.[1] as string[] | undefined) ?? [];
    for (let i = 0; i + 1 < askedList.length; i += 2) askedAt.set(askedList[i]!, Number(askedList[i + 1]));
    let mine = now;
    const rivals: { feed: string; due: number }[] = [];
    for (let i = 0; i + 1 < dueList.length; i += 2) {
      const f = dueList[i]!;
      const at = Number(dueList[i + 1]);
      if (f === feed) mine = at;
      else rivals.push({ feed: f, due: at });
    }
    // A rival counts while its chain is alive: it asked within a spacing (a waiting poll asks at
    // least that often), or it fell due just now and its poll is on its way.
    const grace = Math.max(RETRY_MS * 4, this.spacingMs / 10);
    const alive = (r: { feed: string; due: number }) =>
      (askedAt.get(r.feed) ?? 0) >= now - this.spacingMs - grace || r.due >= now - grace;
    const ahead = rivals.some((r) => alive(r) && (r.due < mine || (r.due === mine && r.feed < feed)));
    if (!ahead) return 0;
    const turnLeft = await this.redis.pttl(this.keys.feedTurn(host));
    return Math.max(RETRY_MS, turnLeft > 0 ? Math.min(this.spacingMs, turnLeft) : Math.min(grace, this.spacingMs / 50));
  }

  /** The feed's next poll is due at `dueAt` (real ms): its claim on the host's turns from then. */
  async planned(host: string, feed: string, dueAt: number): Promise<void> {
    if (this.spacingMs <= 0) return;
    const keep = Math.max(24 * 3_600_000, dueAt - Date.now() + this.spacingMs);
    await this.redis
      .multi()
      .zadd(this.keys.feedDue(host), dueAt, feed)
      .pexpire(this.keys.feedDue(host), keep)
      .pexpire(this.keys.feedAsked(host), keep)
      .exec();
  }

  /** The feed is no longer polled: it claims no turn. */
  async forget(host: string, feed: string): Promise<void> {
    await this.redis.multi().zrem(this.keys.feedDue(host), feed).zrem(this.keys.feedAsked(host), feed).exec();
  }

  /**
   * A feed request to the host is being sent (any crawl reading a feed calls this, so polls keep
   * their distance from a `crawl --once` too): it goes on the turn this instance took, or marks
   * the turn held until it is answered.
   */
  async sending(host: string): Promise<void> {
    if (this.held.delete(host) || this.spacingMs <= 0) return;
    await this.redis.set(this.keys.feedTurn(host), '1', 'PX', this.spacingMs + this.inFlightMs);
  }

  /** The feed request was answered: the next may go one spacing from now. */
  async answered(host: string): Promise<void> {
    if (this.spacingMs > 0) await this.redis.set(this.keys.feedTurn(host), '1', 'PX', this.spacingMs);
  }
}
