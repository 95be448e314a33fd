// Per-host politeness shared by every worker through Redis:
// - a gate that spaces requests to one host at least `delayMs` apart, whatever the number of
//   crawl jobs and worker processes (SET NX PX: whoever sets the key has the turn);
// - a circuit breaker that pauses a host after repeated failures (network errors, 429, 5xx
//   after retries), so a struggling outlet is left alone instead of hammered, and reports it.
import { HostPausedError } from './errors.js';
import type { FeedTurns } from './poll/feed-turns.js';
import type { Redis } from 'ioredis';
import type { Logger } from '../base/logger.js';
import type { Keys } from '../base/redis/keys.js';

export const BREAKER_THRESHOLD = 5;
export const BREAKER_WINDOW_SECONDS = 10 * 60;
export const BREAKER_PAUSE_SECONDS = 15 * 60;
/** A challenge cookie is reused for a session; six hours, then the next challenge renews it. */
export const COOKIE_TTL_SECONDS = 6 * 3600;

export interface HostPolicyDeps {
  redis: Redis;
  keys: Keys;
  log: Logger;
}

/**
 * How stale this policy's view of other workers' breaker state may be. Per request, the pause
 * check and the failure reset were two Redis round trips; within this interval the last answer is
 * reused. A pause set by another worker is seen at most this late; one set here, at once.
 */
export const BREAKER_RECHECK_MS = 1000;

export class HostPolicy {
  /** host → when Redis was last asked whether it is paused, and the answer. */
  private readonly pauseSeen = new Map<string, { at: number; until: Date | null }>();
  /** host → when this policy last cleared its failure count. */
  private readonly resetAt = new Map<string, number>();
  /** Hosts with a failure counted here since the last reset: their next success resets at once. */
  private readonly failedHere = new Set<string>();

  constructor(
    private readonly deps: HostPolicyDeps,
    private readonly delayMs: number,
    /** Feed requests mark their host's feed turn (crawlers/poll/feed-turns.ts) when set. */
    private readonly feedTurns: FeedTurns | undefined = undefined,
  ) {}

  /**
   * Whether feed requests keep the host's feed spacing. Then a failed feed request is not retried
   * within the crawl (crawlee would send it again a second later, twice): the feed's next poll,
   * a turn later, is its retry.
   */
  get spacesFeeds(): boolean {
    return this.feedTurns?.spaced ?? false;
  }

  /** A feed request to this host is about to be sent. */
  async feedSending(host: string): Promise<void> {
    await this.feedTurns?.sending(host);
  }

  /** A feed request to this host was answered. */
  async feedAnswered(host: string): Promise<void> {
    await this.feedTurns?.answered(host);
  }

  /** The challenge cookie remembered for this host (shared by every worker), if any. */
  async cookieFor(host: string): Promise<string | null> {
    return this.deps.redis.get(this.deps.keys.hostCookie(host));
  }

  async rememberCookie(host: string, cookie: string): Promise<void> {
    await this.deps.redis.set(this.deps.keys.hostCookie(host), cookie, 'EX', COOKIE_TTL_SECONDS);
    this.deps.log.info({ host, cookie: cookie.split('=')[0] }, 'cookie challenge answered; cookie kept for the host');
  }

  /** Waits until this host may be asked again; refuses a paused host. */
  async waitTurn(host: string): Promise<void> {
    await this.assertNotPaused(host);
    if (this.delayMs <= 0) return;
    const key = this.deps.keys.hostGate(host);
    for (;;) {
      if (await this.deps.redis.set(key, '1', 'PX', this.delayMs, 'NX')) return;
      const ttl = await this.deps.redis.pttl(key);
      await new Promise((r) => setTimeout(r, Math.max(10, ttl)));
    }
  }

  async pausedUntil(host: string): Promise<Date | null> {
    const ttl = await this.deps.redis.pttl(this.deps.keys.hostPaused(host));
    return ttl > 0 ? new Date(Date.now() + ttl) : null;
  }

  /** Refuses a paused host; the answer may be up to BREAKER_RECHECK_MS old. */
  async assertNotPaused(host: string): Promise<void> {
    const now = Date.now();
    let seen = this.pauseSeen.get(host);
    if (!seen || now - seen.at >= BREAKER_RECHECK_MS) {
      seen = { at: now, until: await this.pausedUntil(host) };
      this.pauseSeen.set(host, seen);
    }
    const until = seen.until && seen.until.getTime() > now ? seen.until : null;
    if (until) throw new HostPausedError(`host ${host} is paused until ${until.toISOString()} after repeated failures`);
  }

  /**
   * A success ends a run of failures. The count is cleared at once after a failure counted here,
   * otherwise at most once per BREAKER_RECHECK_MS (for failures counted by other workers).
   */
  async success(host: string): Promise<void> {
    const now = Date.now();
    if (!this.failedHere.has(host) && now - (this.resetAt.get(host) ?? -Infinity) < BREAKER_RECHECK_MS) return;
    this.failedHere.delete(host);
    this.resetAt.set(host, now);
    await this.deps.redis.del(this.deps.keys.hostFailures(host));
  }

  /** Counts a failure; the threshold-th within the window pauses the host. */
  async failure(host: string, reason: string): Promise<boolean> {
    const key = this.deps.keys.hostFailures(host);
    this.failedHere.add(host);
    const [[, n]] = (await this.deps.redis.multi().incr(key).expire(key, BREAKER_WINDOW_SECONDS).exec()) as [
      [null, number],
    ];
    if (n < BREAKER_THRESHOLD) return false;
    await this.deps.redis
      .multi()
      .set(this.deps.keys.hostPaused(host), reason, 'EX', BREAKER_PAUSE_SECONDS)
      .del(key)
      .exec();
    this.pauseSeen.set(host, { at: Date.now(), until: new Date(Date.now() + BREAKER_PAUSE_SECONDS * 1000) });
    this.deps.log.warn(
      { host, failures: n, pauseSeconds: BREAKER_PAUSE_SECONDS, reason },
      'circuit breaker: host paused',
    );
    return true;
  }
}
