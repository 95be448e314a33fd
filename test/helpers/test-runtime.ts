// A Runtime for tests: the shared test Redis, a unique key prefix, a temp output folder, quiet logs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { inject } from 'vitest';
import type { SourceConfig } from '../../config/source-schema.js';
import type { Watchlist } from '../../config/watchlist-schema.js';
import type { Env } from '../../config/env.js';
import { createRuntime, type Runtime } from '../../pipeline/runtime/runtime.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import type { PollClock } from '../../pipeline/runtime/poll-clock.js';
import type { Logger } from '../../base/logger.js';

export function testPrefix(): string {
  return `t-${randomBytes(4).toString('hex')}`;
}

export function tempDir(label = 'tinwatch'): string {
  return mkdtempSync(path.join(tmpdir(), `${label}-`));
}

export interface TestRuntimeOptions {
  originMap?: Record<string, string>;
  sources?: SourceConfig[];
  outDir?: string;
  prefix?: string;
  watchlist?: Watchlist;
  /** Extra environment variables (e.g. a short TINWATCH_REQUEST_TIMEOUT_SECS). */
  env?: Partial<Env>;
  /** The feed polls' clock (a fast simulated one keeps poll tests short). */
  pollClock?: PollClock;
  /** 'none': do not claim the output folder (a runtime that only reads, or runs `recover`). */
  outFolder?: 'write' | 'none';
  /** A logger of the test's own (quiet by default). */
  log?: Logger;
}

export async function testRuntime(opts: TestRuntimeOptions = {}): Promise<Runtime & { cleanup(): Promise<void> }> {
  const prefix = opts.prefix ?? testPrefix();
  const rt = await createRuntime({
    env: {
      REDIS_URL: inject('redisUrl'),
      TINWATCH_PREFIX: prefix,
      TINWATCH_OUT: opts.outDir ?? tempDir('tw-out'),
      ...opts.env,
    },
    log: opts.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...(opts.sources ? { sources: opts.sources } : {}),
    ...(opts.originMap ? { originMap: opts.originMap } : {}),
    ...(opts.watchlist ? { watchlist: opts.watchlist } : {}),
    ...(opts.pollClock ? { pollClock: opts.pollClock } : {}),
    ...(opts.outFolder ? { outFolder: opts.outFolder } : {}),
  });
  return Object.assign(rt, {
    cleanup: async () => {
      await clearPrefix(rt.redis, prefix);
      await rt.close();
    },
  });
}
