// JSON-LD values as selector data (QĐND's date): the first string under the key, wherever the
// NewsArticle sits (top level, an array of graphs, @graph).
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { jsonValue, selectText } from '../../src/extract/select.js';

describe('JSON selector specs', () => {
  it('finds the key at the top, in arrays and in @graph, and ignores broken JSON', () => {
    expect(jsonValue('{"datePublished":"2026-08-19T08:30:00+07:00"}', 'datePublished')).toBe(
      '2026-08-19T08:30:00+07:00',
    );
    expect(jsonValue('[{"@type":"BreadcrumbList"},{"@type":"NewsArticle","datePublished":"x"}]', 'datePublished')).toBe(
      'x',
    );
    expect(jsonValue('{"@graph":[{"@type":"WebPage"},{"datePublished":"y"}]}', 'datePublished')).toBe('y');
    expect(jsonValue('{"datePublished":', 'datePublished')).toBe('');
    expect(jsonValue('{"datePublished":{"nested":true}}', 'datePublished')).toBe('');
  });

  it('reads through selectText and names the spec that matched', () => {
    const $ = load('<script type="application/ld+json">{"datePublished":"2026-08-20T15:10:00+07:00"}</script>');
    expect(selectText($, [{ selector: 'script[type="application/ld+json"]', json: 'datePublished' }])).toEqual({
      value: '2026-08-20T15:10:00+07:00',
      selector: 'script[type="application/ld+json"]#datePublished',
    });
  });
});
