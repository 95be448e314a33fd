// A Redis outage under `tinwatch start` (scheduler, crawl/article/alert workers, article threads,
// maintenance, dashboard): one warning when it starts, one line when it ends, nothing else about
// it, and every stderr line is a JSON log line (no ioredis or BullMQ text printed beside the log).
// The outage lasts until several reconnect attempts have failed on every connection; the count
// of lines does not depend on how many there were.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedisServer, type RedisServerProcess } from '../../base/redis/embedded-redis.js';
import { tempDir } from '../helpers/test-runtime.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

describe('Redis outage in the log', () => {
  let server: RedisServerProcess;
  let port: number;
  // Append-only persistence as in production: jobs in flight survive the restart, so the only
  // errors of the outage are about the connection.
  let dataDir: string;
  let child: ChildProcess;
  const lines: string[] = [];
  let waiters: { match: (l: string) => boolean; resolve: () => void }[] = [];

  /** Resolves when a stderr line matching `match` has been seen (from now on or already). */
  const seen = (match: (l: string) => boolean): Promise<void> =>
    lines.some(match)
      ? Promise.resolve()
      : new Promise((resolve) => {
          waiters.push({ match, resolve });
        });

  beforeAll(async () => {
    port = await freePort();
    dataDir = tempDir('tw-outage-redis');
    server = await startRedisServer({ port, dir: dataDir });
    child = spawn(process.execPath, [BIN, 'start', '--no-dashboard', '--no-first-crawl'], {
      env: {
        ...process.env,
        REDIS_URL: server.url,
        TINWATCH_PREFIX: `tw-outage-${process.pid}`,
        TINWATCH_OUT: tempDir('tw-outage-out'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let buf = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        waiters = waiters.filter((w) => (w.match(line) ? (w.resolve(), false) : true));
      }
    });
    await seen((l) => l.includes('"tinwatch started"'));
  }, 60_000);
  afterAll(async () => {
    child?.kill('SIGKILL');
    await server?.stop();
  });

  it('logs one line when Redis goes and one when it is back', async () => {
    // The hourly digest's first run starts with the process. Redis persists its writes once a
    // second, so a job taken in the last moment before the stop would come back without its lock
    // (BullMQ then says so, rightly, at error level): the outage starts once that job is done.
    await seen((l) => l.includes('"queue":"alert"') && l.includes('"alert done"'));
    const before = lines.length;
    await server.stop();
    await seen((l) => l.includes('redis connection lost'));
    // Let every connection fail a few reconnect attempts (ioredis backs off to 2 s at most).
    await new Promise((r) => setTimeout(r, 6_000));
    server = await startRedisServer({ port, dir: dataDir });
    await seen((l) => l.includes('redis connection back'));
    // Anything still to come about the outage would follow within a few reconnect periods.
    await new Promise((r) => setTimeout(r, 3_000));
    const during = lines.slice(before);
    for (const l of during) expect(() => JSON.parse(l), l).not.toThrow();
    const messages = during.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages.filter((m) => m.includes('redis connection lost'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('redis connection back'))).toHaveLength(1);
    const levels = during.map((l) => (JSON.parse(l) as { level: number }).level);
    // warn (40) for the start of the outage, nothing else at warn or above.
    expect(
      levels.filter((lv) => lv >= 40),
      during.join('\n'),
    ).toHaveLength(1);
  }, 90_000);
});
