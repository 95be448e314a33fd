// Feeds of one host share its one-a-minute feed turn: when the turn frees, the feed whose poll has
// been due longest takes it, so two busy feeds alternate instead of racing (one used to lose
// several turns in a row); a chain that stopped asking stops holding the others back.
import { beforeAll, describe, expect, it } from 'vitest';
import { FeedTurns } from '../../crawlers/poll/feed-turns.js';
import { testRedis } from '../helpers/test-redis.js';
import { until as waitUntil } from '../helpers/until.js';

const HOST = 'turns.example.vn';
const A = `https://${HOST}/a.rss`;
const B = `https://${HOST}/b.rss`;
const SPACING = 300;

const until = (what: string, probe: () => Promise<boolean>): Promise<boolean> => waitUntil(what, probe, 20_000, 10);

describe('feed turns shared by the feeds of one host', () => {
  const { keys, redis } = testRedis();
  let turns: FeedTurns;
  const turnFree = async () => (await redis.exists(keys.feedTurn(HOST))) === 0;

  beforeAll(() => {
    turns = new FeedTurns(redis, keys, SPACING, 0);
  });

  it('gives a free turn to the feed due longest, whichever asks first', async () => {
    const now = Date.now();
    await turns.planned(HOST, A, now - 5_000);
    await turns.planned(HOST, B, now - 1_000);
    await turns.answered(HOST); // the turn is held for one spacing
    expect(await turns.take(HOST, A)).toBeGreaterThan(0);
    expect(await turns.take(HOST, B)).toBeGreaterThan(0);
    await until('the turn to free', turnFree);
    // B asks first, but A has waited longer and is alive (it asked a moment ago): B yields.
    const bWait = await turns.take(HOST, B);
    expect(bWait).toBeGreaterThan(0);
    expect(bWait).toBeLessThanOrEqual(SPACING);
    expect(await turns.take(HOST, A)).toBe(0);
    expect(await turns.take(HOST, B)).toBeGreaterThan(0); // A holds the turn now
  });

  it('alternates two feeds that are always due: neither loses two turns in a row', async () => {
    const order: string[] = [];
    const poll = async (feed: string) => {
      for (;;) {
        const wait = await turns.take(HOST, feed);
        if (wait === 0) break;
        await new Promise((r) => setTimeout(r, wait));
      }
      order.push(feed === A ? 'A' : 'B');
      await turns.answered(HOST);
      await turns.planned(HOST, feed, Date.now()); // due again at once: the busiest feed there is
    };
    const chain = async (feed: string) => {
      for (let i = 0; i < 4; i++) await poll(feed);
    };
    await until('the turn to free', turnFree);
    await Promise.all([chain(A), chain(B)]);
    expect(order).toHaveLength(8);
    for (let i = 1; i < order.length - 1; i++) expect(order[i], order.join('')).not.toBe(order[i - 1]);
  });

  it('stops counting a chain that no longer asks, and forgets a removed feed', async () => {
    await until('the turn to free', turnFree);
    const now = Date.now();
    await turns.planned(HOST, A, now - 60_000);
    await redis.zadd(keys.feedAsked(HOST), now - 60_000, A); // A's worker died a minute ago
    await turns.planned(HOST, B, now);
    expect(await turns.take(HOST, B)).toBe(0);
    await turns.forget(HOST, A);
    expect(await redis.zscore(keys.feedDue(HOST), A)).toBeNull();
  });

  it('takes a poll’s turn once: its feed request sends on it, a crawl that took none marks it', async () => {
    await until('the turn to free', turnFree);
    const poll = new FeedTurns(redis, keys, SPACING, 0);
    expect(await poll.take(HOST)).toBe(0);
    await redis.del(keys.feedTurn(HOST)); // an observer: whether the request marks the turn again
    await poll.sending(HOST);
    expect(await redis.exists(keys.feedTurn(HOST))).toBe(0);
    // The next request of the same instance (or any crawl that took no turn) holds it while in flight.
    await poll.sending(HOST);
    expect(await redis.exists(keys.feedTurn(HOST))).toBe(1);
    await redis.del(keys.feedTurn(HOST));
  });
});
