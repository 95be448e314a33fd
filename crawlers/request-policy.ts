// What every outlet request carries and where it may end up.
import { NonRetryableError } from 'crawlee';
import type { SourceConfig } from '../config/source-schema.js';

export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 tinwatch/0.1';

export function requestHeaders(source: SourceConfig): Record<string, string> {
  return {
    'user-agent': source.http.userAgent ?? DEFAULT_USER_AGENT,
    'accept-language': source.http.acceptLanguage,
  };
}

// Not retryable: asking again leads to the same place.
export class DisallowedHostError extends NonRetryableError {
  override name = 'DisallowedHostError';
}

/** A redirect may not leave the source's hosts (the origin map has already turned replay URLs back). */
export function assertAllowedFinalUrl(source: SourceConfig, realUrl: string): void {
  const host = new URL(realUrl).hostname.toLowerCase().replace(/^(?:www|m)\./, '');
  if (!source.hosts.includes(host)) {
    throw new DisallowedHostError(`redirected to ${host}, which is not a host of source ${source.id}`);
  }
}

/**
 * An HTTP error page is not a page: 4xx (other than 429) will not get better by asking again at
 * once, so it fails without retries; 429 and 5xx are retried by crawlee. Either way the URL stays
 * unseen, so the next crawl tries again.
 */
export function assertOkStatus(status: number): void {
  if (status < 400) return;
  if (status === 429 || status >= 500) throw new Error(`HTTP ${status}`);
  throw new NonRetryableError(`HTTP ${status}`);
}
