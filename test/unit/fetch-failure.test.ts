// A failed fetch is classified by the error's class, then Node's error code (also when wrapped
// under `cause`), then — for errors the HTTP client wraps — its words; host trouble is derived
// from the cause, not from matching messages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DisallowedHostError,
  FinalHttpStatusError,
  ForbiddenAddressError,
  HttpStatusError,
  PageTooLargeError,
  RobotsUnreachableError,
  UndecodablePageError,
} from '../../crawlers/errors.js';
import { classifyFetchError, FAILURE_CAUSES, fetchFailure, isHostTrouble } from '../../crawlers/fetch-failure.js';

const withCode = (message: string, code: string, nested = false): Error => {
  const inner = Object.assign(new Error(message), { code });
  return nested ? new Error('fetch failed', { cause: inner }) : inner;
};

describe('fetch failure causes', () => {
  it.each([
    [new HttpStatusError(503), { cause: 'http-status', status: 503 }],
    [new FinalHttpStatusError(404), { cause: 'http-status', status: 404 }],
    [new PageTooLargeError('page larger than the page size cap'), { cause: 'too-large' }],
    [new UndecodablePageError('garbled'), { cause: 'undecodable' }],
    [new ForbiddenAddressError('refusing 127.0.0.1'), { cause: 'forbidden-address' }],
    [new DisallowedHostError('redirected to evil.example'), { cause: 'off-source-redirect' }],
    [new RobotsUnreachableError('robots.txt unreachable'), { cause: 'robots-unreachable' }],
    [withCode('getaddrinfo ENOTFOUND vnexpress.net', 'ENOTFOUND'), { cause: 'dns' }],
    [withCode('connect ECONNREFUSED 1.2.3.4:443', 'ECONNREFUSED', true), { cause: 'refused' }],
    [withCode('read ECONNRESET', 'ECONNRESET', true), { cause: 'network' }],
    [new Error('HTTP 429'), { cause: 'http-status', status: 429 }],
    [new Error("Timeout awaiting 'request' for 30000ms"), { cause: 'timeout' }],
    [new Error('page larger than the page size cap (5000000 bytes) while downloading'), { cause: 'too-large' }],
    [new Error('net::ERR_NAME_NOT_RESOLVED at https://a.vn/'), { cause: 'dns' }],
    [new Error('something else entirely'), { cause: 'other' }],
  ])('%s → %o', (err, expected) => expect(classifyFetchError(err)).toEqual(expected));

  it('counts only a struggling host against it', () => {
    expect(isHostTrouble({ cause: 'http-status', status: 503 })).toBe(true);
    expect(isHostTrouble({ cause: 'http-status', status: 429 })).toBe(true);
    expect(isHostTrouble({ cause: 'http-status', status: 404 })).toBe(false);
    expect(isHostTrouble({ cause: 'timeout' })).toBe(true);
    expect(isHostTrouble({ cause: 'refused' })).toBe(true);
    expect(isHostTrouble({ cause: 'undecodable' })).toBe(false);
    expect(isHostTrouble({ cause: 'forbidden-address' })).toBe(false);
  });

  it('always yields a known cause and the first line of the message, whatever is thrown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (thrown) => {
        const err = typeof thrown === 'string' ? new Error(thrown) : thrown;
        const f = fetchFailure({ url: 'https://a.vn/rss', label: 'feed' }, err);
        expect(FAILURE_CAUSES).toContain(f.cause);
        expect(f.reason).not.toContain('\n');
      }),
      { numRuns: 2_000 },
    );
    // What the property once found: objects that refuse to become a string.
    for (const odd of [{ toString: {} }, Object.create(null) as object, Symbol('s')])
      expect(fetchFailure({ url: 'https://a.vn/rss', label: 'feed' }, odd).cause).toBe('other');
  });
});
