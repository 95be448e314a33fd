// The embedded default: when REDIS_URL is unset and nothing answers on 127.0.0.1:6379, tinwatch
// runs its own redis-server child (loopback only, append-only persistence under data/redis) and
// stops it on exit, so `npm start` works on a laptop with nothing else set up.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { RedisUnavailableError } from '../errors.js';

export const NO_REDIS_SERVER_MESSAGE =
  'tinwatch needs Redis and found none: REDIS_URL is unset, nothing answers on 127.0.0.1:6379, ' +
  'and there is no redis-server program to start. Install one (Debian/Ubuntu: sudo apt-get install ' +
  'redis-server; macOS: brew install redis), or run `docker compose up -d redis`, or set REDIS_URL.';

/**
 * Whether a Redis server answers PING at this URL within the timeout, and if not, why: the
 * connection's own error (ECONNREFUSED, ENOTFOUND…), or that something answered but not as Redis.
 */
export async function probeRedis(
  url: string,
  timeoutMs = 1_000,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  let lastError = '';
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', (err: NodeJS.ErrnoException) => (lastError = err.code ?? err.message));
  // A program that accepts the connection and never answers holds ioredis's ready check: the
  // whole probe has a deadline of its own.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), timeoutMs * 2);
  });
  try {
    const pong = await Promise.race([client.connect().then(() => client.ping()), deadline]);
    return pong === 'PONG' ? { ok: true } : { ok: false, reason: `it answered PING with ${JSON.stringify(pong)}` };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code ?? lastError ?? e.message;
    return {
      ok: false,
      reason: /timed? ?out|ETIMEDOUT/i.test(`${why} ${e.message}`)
        ? `no answer within ${timeoutMs} ms (something else on that port, or a firewall)`
        : why || e.message,
    };
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** True when a Redis server answers PING at this URL within the timeout. */
export async function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  return (await probeRedis(url, timeoutMs)).ok;
}

/** A free TCP port on loopback (for tests that start their own server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RedisServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartRedisOptions {
  port: number;
  /** Data directory; append-only file lives here. null = no persistence (tests). */
  dir: string | null;
  binary?: string;
}

export async function startRedisServer(opts: StartRedisOptions): Promise<RedisServerProcess> {
  const args = ['--port', String(opts.port), '--bind', '127.0.0.1', '--save', '', '--daemonize', 'no'];
  // noeviction: BullMQ's keys must never be evicted under memory pressure.
  args.push('--maxmemory-policy', 'noeviction');
  // Dedupe index buckets stay compact listpacks up to 512 fields (config/dedupe.ts).
  args.push('--hash-max-listpack-entries', '512');
  if (opts.dir) {
    mkdirSync(opts.dir, { recursive: true });
    args.push('--dir', path.resolve(opts.dir), '--appendonly', 'yes', '--appendfsync', 'everysec');
  } else {
    args.push('--appendonly', 'no');
  }
  const child = spawn(opts.binary ?? 'redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = `redis://127.0.0.1:${opts.port}`;
  const spawnError = new Promise<never>((_, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'ENOENT' ? new RedisUnavailableError(NO_REDIS_SERVER_MESSAGE) : err);
    });
    child.once('exit', (code) => reject(new RedisUnavailableError(`redis-server exited early with code ${code}`)));
  });
  const ready = (async () => {
    for (let i = 0; i < 100; i++) {
      if (await redisAnswers(url, 200)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new RedisUnavailableError(`redis-server on port ${opts.port} did not answer within 10 s`);
  })();
  try {
    await Promise.race([ready, spawnError]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  spawnError.catch(() => undefined);
  child.removeAllListeners('exit');
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // SIGTERM makes redis flush the append-only file before it exits.
        child.kill('SIGTERM');
      }),
  };
}
