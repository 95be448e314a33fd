// Whether each source works, kept in its health hash so every process and the dashboard see it:
// a crawl or feed poll that read something clears the failure; one that failed sets it (keeping
// the time it started) and counts it by cause for /metrics. A crawl that had nothing to read (a
// feed-only source's scheduled crawl while its feeds are polled) says nothing either way.
import type { PipelineStats, SourceHealth } from './pipeline-stats.js';

export interface FailureFacts {
  cause: string;
  via: string;
  reason: string;
  /** When the source is tried next, if known. */
  retryAt?: string;
}

export type SourceState =
  | { kind: 'ok'; lastSuccessAt: string | null }
  | { kind: 'failing'; since: string; cause: string; via: string; reason: string; retryAt: string | null };

/** The source's state as its health hash records it. */
export function sourceState(h: SourceHealth): SourceState {
  if (h.failingSince)
    return {
      kind: 'failing',
      since: h.failingSince,
      cause: h.failingCause ?? 'other',
      via: h.failingVia ?? '',
      reason: h.failingReason ?? '',
      retryAt: h.retryAt || null,
    };
  return { kind: 'ok', lastSuccessAt: h.lastSuccessAt ?? null };
}

export async function recordSourceSuccess(stats: PipelineStats, sourceId: string, at = new Date()): Promise<void> {
  await stats.clearHealth(sourceId, ['failingSince', 'failingCause', 'failingVia', 'failingReason', 'retryAt']);
  await stats.setHealth(sourceId, { lastSuccessAt: at.toISOString() });
}

/** Records a failed crawl or poll; returns since when the source has been failing. */
export async function recordSourceFailure(
  stats: PipelineStats,
  sourceId: string,
  f: FailureFacts,
  at = new Date(),
): Promise<string> {
  const iso = at.toISOString();
  // Counted and written first (counts are otherwise batched for a moment in this process): a
  // reader in another process (/metrics, the dashboard) that sees the source failing then also
  // sees the failure it failed with, never "failing" beside a failure count of 0.
  await stats.count({ name: 'source_failures', source: sourceId, cause: f.cause });
  await stats.flush();
  const since = await stats.setHealthOnce(sourceId, 'failingSince', iso);
  await stats.setHealth(sourceId, {
    failingCause: f.cause,
    failingVia: f.via,
    failingReason: f.reason,
    retryAt: f.retryAt ?? '',
    lastFailureAt: iso,
  });
  return since;
}
