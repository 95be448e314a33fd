// One feed request a minute per host, across every poll of every feed and every worker process:
// a poll takes its host's turn (SET NX PX, like the host gate in host-policy.ts) or learns how long
// until the turn is free and comes back then, instead of holding a worker while it waits.
//
// The turn is held while the request is in flight (a request can leave the process later than the
// code that sends it, and take up to the request timeout), then set to last one spacing from the
// moment the answer came: the spacing is between requests as the outlet sees them.
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
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    /** Real milliseconds between two feed requests to one host. */
    private readonly spacingMs: number,
    /** Real milliseconds a request may stay in flight (the request timeout). */
    private readonly inFlightMs: number,
  ) {}

  /** Takes the host's turn: 0 when taken, otherwise the real milliseconds until it is free. */
  async take(host: string): Promise<number> {
    if (this.spacingMs <= 0) return 0;
    const key = this.keys.feedTurn(host);
    if (await this.redis.set(key, '1', 'PX', this.spacingMs + this.inFlightMs, 'NX')) return 0;
    // While a request is in flight the turn is held long, but usually freed a spacing after its
    // answer: look again then rather than at the hold's end.
    return Math.max(RETRY_MS, Math.min(this.spacingMs, await this.redis.pttl(key)));
  }

  /**
   * A feed request to the host is being sent (any crawl reading a feed calls this, so polls keep
   * their distance from a `crawl --once` too): the turn is held until it is answered.
   */
  async sending(host: string): Promise<void> {
    if (this.spacingMs > 0) await this.redis.set(this.keys.feedTurn(host), '1', 'PX', this.spacingMs + this.inFlightMs);
  }

  /** The feed request was answered: the next may go one spacing from now. */
  async answered(host: string): Promise<void> {
    if (this.spacingMs > 0) await this.redis.set(this.keys.feedTurn(host), '1', 'PX', this.spacingMs);
  }
}
