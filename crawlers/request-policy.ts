// What every outlet request carries and where it may end up.
import { DisallowedHostError, FinalHttpStatusError, HttpStatusError } from './errors.js';
import type { SourceConfig } from '../config/source-schema.js';

export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 tinwatch/0.1';

export function requestHeaders(source: SourceConfig): Record<string, string> {
  return {
    'user-agent': source.http.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-language': source.http.acceptLanguage,
  };
}

/**
 * Whether a URL is on one of the source's hosts, on the default port. An outlet's pages do not
 * live on other ports, and a link naming one would be fetched as written: the origin map maps
 * origins, port included, so `https://outlet:6470/` is not the mapped outlet.
 */
export function isSourceUrl(source: SourceConfig, realUrl: string): boolean {
  let u: URL;
  try {
    u = new URL(realUrl);
  } catch {
    return false;
  }
  if (u.port !== '' || (u.protocol !== 'https:' && u.protocol !== 'http:')) return false;
  return source.hosts.includes(u.hostname.toLowerCase().replace(/^(?:www|m)\./, ''));
}

/** A redirect may not leave the source's hosts (the origin map has already turned replay URLs back). */
export function assertAllowedFinalUrl(source: SourceConfig, realUrl: string): void {
  if (!isSourceUrl(source, realUrl)) {
    const u = new URL(realUrl);
    throw new DisallowedHostError(`redirected to ${u.host}, which is not a host of source ${source.id}`);
  }
}

/**
 * An HTTP error page is not a page: 4xx (other than 429) will not get better by asking again at
 * once, so it fails without retries; 429 and 5xx are retried by crawlee. Either way the URL stays
 * unseen, so the next crawl tries again.
 */
export function assertOkStatus(status: number): void {
  if (status < 400) return;
  if (status === 429 || status >= 500) throw new HttpStatusError(status);
  throw new FinalHttpStatusError(status);
}

/** Longest Retry-After we wait inside a crawl; beyond it the request fails and the next crawl retries. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Milliseconds a 429/503 asks us to wait (Retry-After: seconds or an HTTP date), or null. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * How long to wait before retrying a 429 or 503: what the server asked (Retry-After), else an
 * exponential backoff by retry count (1 s, 2 s, 4 s …). null when the server asks for longer than
 * we hold a crawl slot: the request fails now and the next crawl tries again.
 */
export function retryWaitMs(header: string | undefined, retryCount: number): number | null {
  const wait = retryAfterMs(header) ?? Math.min(MAX_RETRY_AFTER_MS, 1000 * 2 ** retryCount);
  return wait > MAX_RETRY_AFTER_MS ? null : wait;
}
