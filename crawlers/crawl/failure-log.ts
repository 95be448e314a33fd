// The fetch failure list (`tinwatch failed --queue fetch`): each failed page with its source, what
// it was, the cause and the error's words. Capped, newest first.
import type { Redis } from 'ioredis';
import type { Logger } from '../../base/logger.js';
import type { Keys } from '../../base/redis/keys.js';
import { isHostTrouble, type FetchFailure } from '../fetch-failure.js';

const MAX_FAILURES_KEPT = 1_000;

export async function recordFailure(
  deps: { redis: Redis; keys: Keys; log: Logger },
  sourceId: string,
  f: FetchFailure,
): Promise<void> {
  // A host that fails (DNS, refused, robots.txt unreachable…) fails every request: the source's
  // failure is said once per cause by the worker (workers/source-outcome.ts). A page's own fault
  // (a 404, a page too large) is said here.
  const hostWide = isHostTrouble(f) || f.cause === 'robots-unreachable' || f.cause === 'host-paused';
  deps.log[hostWide ? 'debug' : 'warn'](
    { sourceId, url: f.request.url, label: f.request.label, cause: f.cause, status: f.status, reason: f.reason },
    'fetch failed',
  );
  const entry = JSON.stringify({
    sourceId,
    url: f.request.url,
    kind: f.request.label,
    cause: f.cause,
    ...(f.status ? { status: f.status } : {}),
    reason: f.reason,
    at: new Date().toISOString(),
  });
  await deps.redis
    .multi()
    .lpush(deps.keys.fetchFailures, entry)
    .ltrim(deps.keys.fetchFailures, 0, MAX_FAILURES_KEPT - 1)
    .exec();
}
