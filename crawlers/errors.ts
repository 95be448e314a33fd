// Every error the crawling layer raises, and what each means for a retry. As in crawlee's own
// errors module, the class encodes the policy: a NonRetryableError is not asked again within this
// crawl (asking again leads to the same answer); anything else is retried by crawlee and, once
// retries are spent, the URL stays unseen so the next crawl tries again.
import { NonRetryableError } from 'crawlee';

/** An HTTP error status. 4xx (but 429) is final for this crawl; 429 and 5xx are retried. */
export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}
export class FinalHttpStatusError extends NonRetryableError {
  override name = 'FinalHttpStatusError';
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** A redirect left the source's hosts. */
export class DisallowedHostError extends NonRetryableError {
  override name = 'DisallowedHostError';
}

/** A URL or redirect hop resolves to a private, loopback or otherwise internal address. */
export class ForbiddenAddressError extends NonRetryableError {
  override name = 'ForbiddenAddressError';
}

/** The page passes the size cap (declared, while downloading, or once inflated). */
export class PageTooLargeError extends NonRetryableError {
  override name = 'PageTooLargeError';
}

/** The body's Content-Encoding is unknown or its bytes are not what it says. */
export class BadEncodingError extends NonRetryableError {
  override name = 'BadEncodingError';
}

/** The page's bytes decode cleanly in no candidate charset: refused rather than written as mojibake. */
export class UndecodablePageError extends NonRetryableError {
  override name = 'UndecodablePageError';
}

/** The host is paused by the circuit breaker after repeated failures. */
export class HostPausedError extends NonRetryableError {
  override name = 'HostPausedError';
}

/** The outlet's cookie challenge was answered and it still challenges. */
export class CookieChallengeError extends NonRetryableError {
  override name = 'CookieChallengeError';
}

/** The host's robots.txt could not be read (5xx, timeout, network): the host is not crawled for now. */
export class RobotsUnreachableError extends NonRetryableError {
  override name = 'RobotsUnreachableError';
}

/** A feed that is not RSS, Atom or JSON Feed. */
export class FeedError extends Error {
  override name = 'FeedError';
}

/** A sitemap that is not a sitemap. */
export class SitemapError extends Error {
  override name = 'SitemapError';
}

/** Every feed and listing of a source failed: the crawl job fails (and is retried by BullMQ). */
export class DiscoveryFailedError extends Error {
  override name = 'DiscoveryFailedError';
  constructor(
    message: string,
    /** The last failure's cause, what failed and its words (failure-cause.ts's SourceFailure). */
    readonly failure?: { cause: string; via: string; reason: string },
    /** Failed fetches of the crawl by cause (`robots-unreachable: 1`): the dashboard's "Failed last crawl". */
    readonly failures: Record<string, number> = {},
  ) {
    super(message);
  }
}
