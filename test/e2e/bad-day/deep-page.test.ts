// Bad day: a page nested 20,000 levels deep (issue 32, finding 8). At about 5,000 levels the
// selector engine and the text helpers overflowed the stack and the article failed after 4
// attempts. The parsed tree is flattened past MAX_TREE_DEPTH before any selector runs, so a
// deep page extracts like a shallow one; the flattening keeps every text in order (property).
import fc from 'fast-check';
import { load } from 'cheerio/slim';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article.js';
import { flattenDeepTree } from '../../../src/extract/flatten-depth.js';
import { textUnder } from '../../../src/extract/dom-walk.js';
import { listingLinks } from '../../../crawlers/discovery/listing-links.js';
import { classifiedOnTopicArticles, testArticlePage, testSource } from '../../helpers/test-source.js';

const DEPTH = 20_000;
const deep = (inner: string, depth = DEPTH): string => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;

describe('bad day: a page nested 20,000 levels deep', () => {
  const source = testSource('sau.example.vn');
  const article = classifiedOnTopicArticles()[0]!;
  const shallow = testArticlePage(article);

  it('extracts the article next to a 20,000-deep subtree as it does without it', () => {
    const plain = extractArticle(shallow, 'https://sau.example.vn/bai-1234567.html', source);
    expect(plain.ok).toBe(true);
    const page = shallow.replace('</article>', `</article>${deep('<span>tận đáy</span>')}`);
    const res = extractArticle(page, 'https://sau.example.vn/bai-1234567.html', source);
    expect(res).toEqual(plain);
  });

  it('an article itself 20,000 levels down is extracted or refused with a reason, never a stack overflow', () => {
    const page = shallow.replace(/<body>([\s\S]*)<\/body>/, (_m, body: string) => `<body>${deep(body)}</body>`);
    const res = extractArticle(page, 'https://sau.example.vn/bai-1234567.html', source);
    if (res.ok) expect(res.article.title).toBe(article.title);
    else expect(res.reason).not.toMatch(/call stack/i);
  });

  it('reads the links of a 20,000-deep listing', () => {
    const html = `<html><body>${deep('<a href="/tin/bai-7654321.html">bài</a>')}<a href="/tin/bai-1111111.html">x</a></body></html>`;
    expect(listingLinks(html, 'https://sau.example.vn/', 'a')).toEqual([
      'https://sau.example.vn/tin/bai-7654321.html',
      'https://sau.example.vn/tin/bai-1111111.html',
    ]);
  });

  it('flattening keeps every text, in order, and leaves no node deeper than the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 40 }), fc.string({ unit: fc.constantFrom('a', 'ộ', ' '), minLength: 1 })),
          {
            maxLength: 30,
          },
        ),
        fc.integer({ min: 1, max: 12 }),
        (parts, limit) => {
          const html = parts.map(([d, t]) => deep(`<b>${t}</b>`, d)).join('<i>|</i>');
          const root = load(html)('body')[0] ?? load(html).root()[0]!;
          const before = textUnder(root);
          flattenDeepTree(root, limit);
          expect(textUnder(root)).toBe(before);
          const stack: [typeof root, number][] = [[root, 0]];
          while (stack.length) {
            const [n, d] = stack.pop()!;
            expect(d).toBeLessThanOrEqual(limit + 1);
            if ('children' in n) for (const c of n.children) stack.push([c as typeof root, d + 1]);
          }
        },
      ),
    );
  });
});
