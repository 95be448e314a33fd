// Why a source fails, in the words an operator acts on. A failed fetch has a cause
// (fetch-failure.ts); a source's crawl or feed poll fails for the cause behind its failed fetches,
// and "robots.txt unreachable" is read for its own cause (a DNS failure, a refused connection), so
// that twenty sources down for one reason are said as one reason.
import type { SourceConfig } from '../config/source-schema.js';
import {
  classifyFetchError,
  describeCause,
  failureKey,
  type FailureCause,
  type FetchFailure,
} from './fetch-failure.js';

/** One source's failure as the dashboard, /metrics and the terminal show it. */
export interface SourceFailure {
  /** A cause a program can count ("dns", "refused", "HTTP 503", …): the /metrics label. */
  cause: string;
  /** What failed: the HTML fetch, Chromium, or the host's robots.txt. */
  via: 'HTML fetch' | 'Chromium' | 'robots.txt' | 'crawl';
  /** The error's own words (first line). */
  reason: string;
}

/** The cause behind a failed fetch: robots.txt that could not be read gives its own cause. */
export function rootCause(f: Pick<FetchFailure, 'cause' | 'status' | 'reason'>): string {
  if (f.cause === 'robots-unreachable') {
    const inner = classifyFetchError(new Error(f.reason));
    if (inner.cause !== 'other') return failureKey(inner);
  }
  return failureKey(f);
}

/** A failed fetch of this source as a source failure. */
export function sourceFailureOf(source: Pick<SourceConfig, 'render'>, f: FetchFailure): SourceFailure {
  const via =
    f.cause === 'robots-unreachable'
      ? 'robots.txt'
      : f.request.label === 'article' && source.render === 'browser'
        ? 'Chromium'
        : 'HTML fetch';
  return { cause: rootCause(f), via, reason: f.reason };
}

/** A cause in words for a sentence ("20 of 20 sources: DNS lookup fails"). */
export function causeWords(cause: string): string {
  switch (cause) {
    case 'dns':
      return 'DNS lookup fails';
    case 'refused':
      return 'connection refused';
    case 'timeout':
      return 'requests time out';
    case 'network':
      return 'network errors';
    default:
      return /^HTTP \d{3}$/.test(cause) ? cause : (describeCause(cause as FailureCause) ?? cause);
  }
}

/** Causes that, shared by every source, point at this machine's network rather than the outlets. */
export function looksLikeNetworkDown(cause: string): boolean {
  return cause === 'dns' || cause === 'network' || cause === 'timeout';
}
