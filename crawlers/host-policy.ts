// Per-host politeness shared by every worker through Redis:
// - a gate that spaces requests to one host at least `delayMs` apart, whatever the number of
//   crawl jobs and worker processes (SET NX PX: whoever sets the key has the turn);
// - a circuit breaker that pauses a host after repeated failures (network errors, 429, 5xx
//   after retries), so a struggling outlet is left alone instead of hammered, and reports it.
import { NonRetryableError } from 'crawlee';
import type { Redis } from 'ioredis';
import type { Logger } from '../src/logger.js';
import type { Keys } from '../src/redis/keys.js';

export const BREAKER_THRESHOLD = 5;
export const BREAKER_WINDOW_SECONDS = 10 * 60;
export const BREAKER_PAUSE_SECONDS = 15 * 60;
/** A challenge cookie is reused for a session; six hours, then the next challenge renews it. */
export const COOKIE_TTL_SECONDS = 6 * 3600;

export class HostPausedError extends NonRetryableError {
  override name = 'HostPausedError';
}

export interface HostPolicyDeps {
  redis: Redis;
  keys: Keys;
  log: Logger;
}

export class HostPolicy {
  constructor(
    private readonly deps: HostPolicyDeps,
    private readonly delayMs: number,
  ) {}

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

  async assertNotPaused(host: string): Promise<void> {
    const until = await this.pausedUntil(host);
    if (until) throw new HostPausedError(`host ${host} is paused until ${until.toISOString()} after repeated failures`);
  }

  async success(host: string): Promise<void> {
    await this.deps.redis.del(this.deps.keys.hostFailures(host));
  }

  /** Counts a failure; the threshold-th within the window pauses the host. */
  async failure(host: string, reason: string): Promise<boolean> {
    const key = this.deps.keys.hostFailures(host);
    const [[, n]] = (await this.deps.redis.multi().incr(key).expire(key, BREAKER_WINDOW_SECONDS).exec()) as [
      [null, number],
    ];
    if (n < BREAKER_THRESHOLD) return false;
    await this.deps.redis
      .multi()
      .set(this.deps.keys.hostPaused(host), reason, 'EX', BREAKER_PAUSE_SECONDS)
      .del(key)
      .exec();
    this.deps.log.warn(
      { host, failures: n, pauseSeconds: BREAKER_PAUSE_SECONDS, reason },
      'circuit breaker: host paused',
    );
    return true;
  }
}
