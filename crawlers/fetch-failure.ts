// A failed fetch as data: what was asked, why it failed (a cause a program can count and act on)
// and the error's own words for people. The cause comes from the error's class where the crawling
// layer raised it (crawlers/errors.ts), from Node's error code for network failures, and — only
// for errors the HTTP client wraps, which keep their words but lose their class — from the text.
import type { FetchRequest } from './fetch-request.js';
import {
  BadEncodingError,
  CookieChallengeError,
  DisallowedHostError,
  FinalHttpStatusError,
  ForbiddenAddressError,
  HostPausedError,
  HttpStatusError,
  PageTooLargeError,
  RobotsUnreachableError,
  UndecodablePageError,
} from './errors.js';
import { TOO_LARGE } from './size-limits.js';

export const FAILURE_CAUSES = [
  'dns',
  'refused',
  'timeout',
  'network',
  'http-status',
  'too-large',
  'bad-encoding',
  'undecodable',
  'forbidden-address',
  'off-source-redirect',
  'robots-unreachable',
  'host-paused',
  'cookie-challenge',
  'unreadable',
  'other',
] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

export interface FetchFailure {
  request: FetchRequest;
  cause: FailureCause;
  /** The HTTP status, for cause "http-status". */
  status?: number;
  /** The error's first line. */
  reason: string;
}

const NETWORK_CODES: Record<string, FailureCause> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ECONNRESET: 'network',
  EPIPE: 'network',
  EHOSTUNREACH: 'network',
  ENETUNREACH: 'network',
  ECONNABORTED: 'network',
};

/** The code of the error or of any error it wraps (got and fetch keep the socket's under `cause`). */
function errorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code in NETWORK_CODES) return code;
  }
  return undefined;
}

/** What was thrown, as words; anything can be thrown, even an object that refuses to be a string. */
function wordsOf(err: unknown): string {
  if (err instanceof Error) return String(err.message);
  try {
    return String(err);
  } catch {
    return Object.prototype.toString.call(err);
  }
}

/** Why a fetch failed, as a cause (and the status when it was one). */
export function classifyFetchError(err: unknown): { cause: FailureCause; status?: number } {
  if (err instanceof HttpStatusError || err instanceof FinalHttpStatusError)
    return { cause: 'http-status', status: err.status };
  if (err instanceof PageTooLargeError) return { cause: 'too-large' };
  if (err instanceof BadEncodingError) return { cause: 'bad-encoding' };
  if (err instanceof UndecodablePageError) return { cause: 'undecodable' };
  if (err instanceof ForbiddenAddressError) return { cause: 'forbidden-address' };
  if (err instanceof DisallowedHostError) return { cause: 'off-source-redirect' };
  if (err instanceof RobotsUnreachableError) return { cause: 'robots-unreachable' };
  if (err instanceof HostPausedError) return { cause: 'host-paused' };
  if (err instanceof CookieChallengeError) return { cause: 'cookie-challenge' };
  const code = errorCode(err);
  if (code) return { cause: NETWORK_CODES[code]! };
  const message = wordsOf(err);
  // Wrapped by the HTTP client or the browser: the class is gone, the words are not.
  const status = /^HTTP (\d{3})\b/.exec(message);
  if (status) return { cause: 'http-status', status: Number(status[1]) };
  if (message.includes(TOO_LARGE)) return { cause: 'too-large' };
  if (/\b(ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED)\b/.test(message)) return { cause: 'dns' };
  if (/\b(ECONNREFUSED|ERR_CONNECTION_REFUSED)\b/.test(message)) return { cause: 'refused' };
  if (/timed? ?out|Timeout|ETIMEDOUT|ERR_TIMED_OUT/i.test(message)) return { cause: 'timeout' };
  if (/ECONNRESET|socket hang up|ERR_CONNECTION|ERR_NETWORK|EPIPE/i.test(message)) return { cause: 'network' };
  return { cause: 'other' };
}

/** A FetchFailure from a request and the error that ended it. */
export function fetchFailure(request: FetchRequest, err: unknown): FetchFailure {
  const message = wordsOf(err);
  return { request, ...classifyFetchError(err), reason: message.split('\n')[0] ?? message };
}

/**
 * Whether the failure says the host is struggling (not that one page is bad): the circuit breaker
 * counts these. A 404 or an undecodable page is the page's problem; a refused connection, a
 * timeout, 429 or 5xx is the host's.
 */
export function isHostTrouble(f: Pick<FetchFailure, 'cause' | 'status'>): boolean {
  if (f.cause === 'http-status') return f.status === 429 || (f.status ?? 0) >= 500;
  return f.cause === 'dns' || f.cause === 'refused' || f.cause === 'timeout' || f.cause === 'network';
}

/** How a failure is counted in a crawl's summary: its cause, with the status for HTTP errors. */
export function failureKey(f: Pick<FetchFailure, 'cause' | 'status'>): string {
  return f.cause === 'http-status' && f.status ? `HTTP ${f.status}` : f.cause;
}

/** Counts by cause as one phrase, most frequent first: "3 dns, 1 HTTP 404". */
export function formatFailureCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
}

/** Short words per cause, for summaries and the dashboard. */
export function describeCause(cause: FailureCause, status?: number): string {
  switch (cause) {
    case 'dns':
      return 'DNS: the name does not resolve';
    case 'refused':
      return 'connection refused';
    case 'timeout':
      return 'timed out';
    case 'network':
      return 'network error';
    case 'http-status':
      return status ? `HTTP ${status}` : 'HTTP error status';
    case 'too-large':
      return 'page over the size cap';
    case 'bad-encoding':
      return 'bad Content-Encoding';
    case 'undecodable':
      return 'text does not decode';
    case 'forbidden-address':
      return 'refused address (private or local)';
    case 'off-source-redirect':
      return "redirected off the source's hosts";
    case 'robots-unreachable':
      return 'robots.txt unreachable';
    case 'host-paused':
      return 'host paused by the circuit breaker';
    case 'cookie-challenge':
      return 'cookie challenge not passed';
    case 'unreadable':
      return 'feed or listing unreadable';
    case 'other':
      return 'other error';
  }
}
