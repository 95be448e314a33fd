// After each crawl and feed poll: did the source work? Recorded in Redis for the dashboard and
// /metrics (src/stats/source-status.ts) and told to this process's terminal report, which says
// failures once per cause (failing-sources-report.ts) instead of a line per failed fetch.
import type { SourceConfig } from '../config/source-schema.js';
import { DiscoveryFailedError } from '../crawlers/errors.js';
import type { CrawlSummary } from '../base/queues.js';
import {
  recordSourceFailure,
  recordSourceSuccess,
  sourceState,
  type FailureFacts,
} from '../src/stats/source-status.js';
import { FailingSourcesReport } from './failing-sources-report.js';
import type { Logger } from '../base/logger.js';
import type { PipelineStats } from '../src/stats/pipeline-stats.js';

/** What recording a source's outcome uses. */
export interface OutcomeDeps {
  log: Logger;
  sources: SourceConfig[];
  stats: PipelineStats;
}

const reports = new WeakMap<OutcomeDeps, FailingSourcesReport>();

/** This process's terminal report of failing sources (one per runtime). */
export function failingSourcesReport(rt: OutcomeDeps): FailingSourcesReport {
  let r = reports.get(rt);
  if (!r) {
    const ids = rt.sources.map((s) => s.id);
    r = new FailingSourcesReport(rt.log, ids, undefined, async () => {
      const failing = new Map<string, string>();
      for (const id of ids) {
        const state = sourceState(await rt.stats.health(id));
        if (state.kind === 'failing') failing.set(id, state.cause);
      }
      return failing;
    });
    reports.set(rt, r);
  }
  return r;
}

/** Why a crawl or poll failed, or null when it worked (or had nothing to read: undefined). */
export function failureOf(result: { summary: CrawlSummary } | { error: unknown }): FailureFacts | null | undefined {
  if ('error' in result) {
    const err = result.error;
    if (err instanceof DiscoveryFailedError && err.failure) return err.failure;
    return { cause: 'other', via: 'crawl', reason: err instanceof Error ? err.message : String(err) };
  }
  const s = result.summary;
  // Paused by the circuit breaker: still failing, for the cause that paused it.
  if (s.pausedUntil) return undefined;
  if (s.discoveryPlanned === 0) return undefined;
  // Every article it tried to fetch failed: the source gives nothing.
  if (s.fetchFailed > 0 && s.fetched === 0 && s.failure) return s.failure;
  return null;
}

export async function recordSourceOutcome(
  rt: OutcomeDeps,
  source: SourceConfig,
  result: { summary: CrawlSummary } | { error: unknown },
  retryAt?: string,
): Promise<FailureFacts | null | undefined> {
  const failure = failureOf(result);
  const report = failingSourcesReport(rt);
  if (failure === null) {
    await recordSourceSuccess(rt.stats, source.id);
    report.succeeded(source.id);
  } else if (failure) {
    const facts = { ...failure, ...(retryAt ? { retryAt } : {}) };
    const since = await recordSourceFailure(rt.stats, source.id, facts);
    report.failed(source.id, { ...facts, since });
  } else if ('summary' in result && result.summary.pausedUntil) {
    await rt.stats.setHealth(source.id, { retryAt: result.summary.pausedUntil });
  }
  return failure;
}
