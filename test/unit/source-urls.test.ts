// Which outlet links are the outlet's own: a link with an explicit port is not (it would be fetched
// as written, past the origin map), nor one on another host or scheme.
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import { articleCandidates } from '../../crawlers/discovery/article-candidates.js';
import { assertAllowedFinalUrl, isSourceUrl } from '../../crawlers/request-policy.js';

const source = loadSources().find((s) => s.id === 'baoquocte')!;
const ARTICLE = 'https://baoquocte.vn/han-quoc-va-my-tap-tran-chung-312345.html';

describe('source URLs', () => {
  it('keeps the outlet’s own links and drops one that names a port', () => {
    const withPort = ARTICLE.replace('baoquocte.vn', 'baoquocte.vn:6470');
    const got = articleCandidates(source, [{ url: withPort }, { url: ARTICLE }]);
    expect(got.map((c) => c.url)).toEqual([ARTICLE]);
    expect(articleCandidates(source, [{ url: withPort }])).toEqual([]);
  });

  it.each([
    [ARTICLE, true],
    ['https://www.baoquocte.vn/a-1.html', true],
    ['http://baoquocte.vn:443/a-1.html', false],
    ['https://baoquocte.vn:443/a-1.html', true], // the default port is no port
    ['https://baoquocte.vn:8443/a-1.html', false],
    ['https://evil.example/a-1.html', false],
    ['ftp://baoquocte.vn/a-1.html', false],
    ['not a url', false],
  ])('isSourceUrl(%s) is %s', (url, own) => expect(isSourceUrl(source, url)).toBe(own));

  it('refuses a redirect to a port of the outlet', () => {
    expect(() => assertAllowedFinalUrl(source, 'https://baoquocte.vn:6379/')).toThrow(/baoquocte\.vn:6379/);
  });
});
