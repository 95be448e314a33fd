import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderArticleText } from '../../src/write/article-text.js';

describe('renderArticleText', () => {
  it('lays out title, lead, paragraphs and credit with one blank line between', () => {
    expect(renderArticleText({ title: 'T', lead: 'L', paragraphs: ['P1', 'P2'], credit: 'Minh Châu (TTXVN)' })).toBe(
      'T\n\nL\n\nP1\n\nP2\n\nMinh Châu (TTXVN)',
    );
    expect(renderArticleText({ title: 'T', lead: null, paragraphs: ['P'], credit: null })).toBe('T\n\nP');
  });

  it('always yields NFC text without \\r, trailing spaces, trailing newline or empty paragraphs (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'ệ', 'e\u0302\u0323', ' ', '\u00a0', '\n', '\r', '\t', '\u200b', 'Đ'),
    });
    fc.assert(
      fc.property(
        text,
        fc.option(text, { nil: null }),
        fc.array(text),
        fc.option(text, { nil: null }),
        (title, lead, paragraphs, credit) => {
          const out = renderArticleText({ title, lead, paragraphs, credit });
          expect(out.normalize('NFC')).toBe(out);
          expect(out).not.toMatch(/\r|\t|\u00a0|\u200b| $|^ |\n{3}/m);
          expect(out.endsWith('\n')).toBe(false);
        },
      ),
    );
  });
});
