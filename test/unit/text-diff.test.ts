// The word diff of an edit line: counts that add up whatever the texts (fast-check), paragraphs
// paired as edited in place, examples short, and the summary in words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksOf, diffTexts, lcsOps } from '../../src/recheck/text-diff.js';

const words = (t: string): number => t.split(/\s+/u).filter(Boolean).length;
const word = fc.constantFrom('Hàn', 'Quốc', 'Mỹ', 'tập', 'trận', 'ngày', '15', '17', 'tỷ', 'đô', 'la.', 'Bộ');
const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const text = fc.array(paragraph, { maxLength: 8 }).map((p) => p.join('\n\n'));

describe('text diff', () => {
  it('keeps what both have and rebuilds either side from its script', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { maxLength: 30 }), (a, b) => {
        const ops = lcsOps(a, b);
        expect(ops.flatMap((o) => (o.kind === 'add' ? [] : [o.a]))).toEqual(a);
        expect(ops.flatMap((o) => (o.kind === 'add' ? [o.b] : o.kind === 'same' ? [o.a] : []))).toEqual(b);
      }),
    );
  });

  it('counts words so that before − removed + added = after, and nothing for the same text', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const d = diffTexts(before, after);
        expect(words(before) - d.words_removed + d.words_added).toBe(words(after));
        expect(d.examples.length).toBeLessThanOrEqual(3);
        for (const x of d.examples) expect(x.before.length + x.after.length).toBeLessThanOrEqual(160);
        const same = diffTexts(before, before);
        expect([same.words_added, same.words_removed, same.paragraphs_changed]).toEqual([0, 0, 0]);
        expect(blocksOf(after).length - blocksOf(before).length).toBe(d.paragraphs_added - d.paragraphs_removed);
      }),
    );
  });

  it('reads a changed figure as one word replaced in one paragraph', () => {
    const d = diffTexts('Tiêu đề\n\nMỹ chi 15 tỷ đô la.\n\nĐoạn cuối.', 'Tiêu đề\n\nMỹ chi 17 tỷ đô la.\n\nĐoạn cuối.');
    expect(d).toMatchObject({ words_added: 1, words_removed: 1, paragraphs_changed: 1, paragraphs_added: 0 });
    expect(d.examples).toEqual([{ before: '15', after: '17' }]);
    expect(d.summary).toBe('+1 −1 words; 1 paragraph changed');
    expect(diffTexts('A\n\nB', 'A\n\nB\n\nC mới').summary).toBe('+2 −0 words; 1 added');
  });
});
