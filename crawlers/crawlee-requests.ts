// What the HTTP and browser fetchers share: how tinwatch requests become crawlee requests (through
// the origin map, keyed by the real URL) and how each crawlee request is known again, typed. The
// fetcher keeps the requests it handed crawlee, by unique key, instead of reading them back out of
// crawlee's untyped userData: no cast, and a label's data stays what its type says.
import { fetchFailure, type FetchFailure } from './fetch-failure.js';
import type { FetchRequest } from './fetch-request.js';
import type { OriginMap } from '../base/url/origin-map.js';

/** The crawlee request fields this module reads. */
interface CrawleeRequest {
  url: string;
  uniqueKey: string;
}

const CHALLENGE = '#challenge';

export class SentRequests {
  private readonly byKey = new Map<string, FetchRequest>();

  constructor(private readonly originMap: OriginMap) {}

  /** crawlee requests for these; a URL already asked keeps its first request (crawlee's dedupe). */
  toCrawlee(requests: readonly FetchRequest[]) {
    return requests.map((req) => {
      if (!this.byKey.has(req.url)) this.byKey.set(req.url, req);
      return { url: this.originMap.toFetchUrl(req.url), uniqueKey: req.url, label: req.label };
    });
  }

  /** The tinwatch request a crawlee request was made from. */
  of(request: Pick<CrawleeRequest, 'uniqueKey'>): FetchRequest {
    const req = this.byKey.get(request.uniqueKey) ?? this.byKey.get(request.uniqueKey.replace(CHALLENGE, ''));
    if (!req) throw new Error(`no request was sent for ${request.uniqueKey}`);
    return req;
  }

  /** The same request again, once, after a cookie challenge was answered. */
  challengeRetry(request: CrawleeRequest, req: FetchRequest) {
    return { url: request.url, uniqueKey: `${req.url}${CHALLENGE}`, label: req.label };
  }

  /** Whether this is the retry after a cookie challenge. */
  isChallengeRetry(request: Pick<CrawleeRequest, 'uniqueKey'>): boolean {
    return request.uniqueKey.endsWith(CHALLENGE);
  }
}

export function failureHandler(
  sent: SentRequests,
  onFailure: (f: FetchFailure) => Promise<FetchRequest[] | void>,
  addMore?: (more: FetchRequest[]) => Promise<unknown>,
) {
  return async ({ request }: { request: CrawleeRequest }, error: Error): Promise<void> => {
    const more = await onFailure(fetchFailure(sent.of(request), error));
    if (more && more.length > 0) await addMore?.(more);
  };
}
