// Commands issued in one event-loop turn leave in one socket write (coalesce-writes.ts), with
// every reply still matched to its command, across a reconnect too.
import type { Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { coalesceWrites } from '../../base/redis/coalesce-writes.js';
import { testPrefix } from '../helpers/test-runtime.js';

/** Counts the writes that reach the socket's underlying handle (after corking). */
function countSocketWrites(client: Redis): () => number {
  const stream = (client as unknown as { stream: Socket & { _write: unknown; _writev: unknown } }).stream;
  let n = 0;
  for (const name of ['_write', '_writev'] as const) {
    const original = stream[name] as ((...a: unknown[]) => unknown) | undefined;
    if (!original) continue;
    stream[name] = function (this: unknown, ...a: unknown[]) {
      n++;
      return original.apply(this, a);
    };
  }
  return () => n;
}

/** One turn's worth of traffic: plain commands, a pipeline and a MULTI, all issued at once. */
async function oneTurn(client: Redis, prefix: string): Promise<unknown[]> {
  return Promise.all([
    ...Array.from({ length: 10 }, (_, i) => client.set(`${prefix}:k${i}`, `v${i}`)),
    client.pipeline().incr(`${prefix}:n`).incr(`${prefix}:n`).exec(),
    client.multi().get(`${prefix}:k3`).incr(`${prefix}:n`).exec(),
    ...Array.from({ length: 10 }, (_, i) => client.get(`${prefix}:k${i}`)),
  ]);
}

describe('coalesceWrites', () => {
  const clients: Redis[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
  });

  const open = async (coalesce: boolean): Promise<Redis> => {
    const c = new Redis(inject('redisUrl'), { lazyConnect: true });
    clients.push(c);
    if (coalesce) coalesceWrites(c);
    await c.connect();
    return c;
  };

  it('sends one turn of commands in one write, replies in order', async () => {
    const plain = await open(false);
    const writesPlain = countSocketWrites(plain);
    await oneTurn(plain, testPrefix());
    const coalesced = await open(true);
    const writesCoalesced = countSocketWrites(coalesced);
    const prefix = testPrefix();
    const replies = await oneTurn(coalesced, prefix);
    expect(writesPlain()).toBeGreaterThanOrEqual(20);
    expect(writesCoalesced()).toBe(1);
    expect(replies.slice(0, 10)).toEqual(Array(10).fill('OK'));
    expect(replies[10]).toEqual([
      [null, 1],
      [null, 2],
    ]);
    expect(replies[11]).toEqual([
      [null, 'v3'],
      [null, 3],
    ]);
    expect(replies.slice(12)).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`));
  });

  it('keeps coalescing after the connection is re-established', async () => {
    const c = await open(true);
    await c.ping();
    const ready = new Promise((resolve) => c.once('ready', resolve));
    c.disconnect(true);
    await ready;
    const writes = countSocketWrites(c);
    const prefix = testPrefix();
    await oneTurn(c, prefix);
    expect(writes()).toBe(1);
    expect(await c.get(`${prefix}:k9`)).toBe('v9');
  });
});
