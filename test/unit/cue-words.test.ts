// Cues match words, not pieces of words (issue 33): a syllable of a Vietnamese compound is not the
// cue it spells. Sentences here are this project's own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topicProfile } from '../../config/load-topics.js';
import { classifyRelevance } from '../../src/relevance/classify-relevance.js';
import { PhraseMatcher, shapeOf } from '../../src/relevance/phrase-matcher.js';
import { buildCueMatcher } from '../../src/relevance/topic-cues.js';

const cues = buildCueMatcher(topicProfile());
const actorsIn = (text: string): Set<string> => new Set(cues.match(text).flatMap((h) => h.value.actors));
const phrasesIn = (text: string): string[] => cues.match(text).map((h) => h.phrase);

// Syllables that are no cue of the profile, in any case.
const filler = fc.array(
  fc.constantFrom('các', 'bên', 'đã', 'thảo luận', 'về', 'kế hoạch', 'mới', 'trong', 'năm', 'nay', 'cho', 'biết'),
  { maxLength: 12 },
);
const recase = (s: string, how: number): string =>
  how === 0 ? s : how === 1 ? s.charAt(0).toUpperCase() + s.slice(1) : s;
const sentence = (before: string[], word: string, after: string[], how: number): string =>
  recase([...before, word, ...after].join(' '), how);

describe('cues match words, not pieces of words', () => {
  it('a compound that holds "nhật" never names Japan, wherever it stands and however capitalised', () => {
    fc.assert(
      fc.property(
        filler,
        fc.constantFrom('cập nhật', 'nhật ký', 'Chủ nhật', 'Chủ Nhật', 'sinh nhật', 'nhật báo'),
        filler,
        fc.integer({ min: 0, max: 1 }),
        (before, word, after, how) => {
          expect(actorsIn(sentence(before, word, after, how)).has('japan')).toBe(false);
        },
      ),
    );
  });

  it('"bình quân" is an average, not troops', () => {
    fc.assert(
      fc.property(filler, fc.constantFrom('bình quân', 'Bình quân', 'quân bình'), filler, (before, word, after) => {
        expect(phrasesIn([...before, word, ...after].join(' '))).not.toContain('quân');
      }),
    );
  });

  it('a byline in capitals is a name, a headline in capitals still names the country', () => {
    fc.assert(
      fc.property(filler, fc.constantFrom('NHẬT XUÂN', 'MINH NHẬT', 'NHẬT', 'HÀN NHẬT MINH'), (before, byline) => {
        const text = `${recase(before.join(' '), 1)}. ${byline}`;
        expect(actorsIn(text).has('japan')).toBe(false);
      }),
    );
    expect(actorsIn('MỸ VÀ NHẬT BẢN TĂNG CƯỜNG HỢP TÁC').has('japan')).toBe(true);
    expect(actorsIn('HẢI QUÂN MỸ VÀ NHẬT TẬP TRẬN CHUNG').has('japan')).toBe(true);
  });

  it('the country itself is always found: "Nhật Bản", "Nhật", "Tokyo" in running text', () => {
    fc.assert(
      fc.property(filler, fc.constantFrom('Nhật Bản', 'Nhật', 'Tokyo', 'NHẬT BẢN'), filler, (before, word, after) => {
        expect(actorsIn([...before, word, ...after].join(' ')).has('japan')).toBe(true);
      }),
    );
  });

  it('"cập nhật" in a Korea–US planning sentence scores as "sửa đổi" does', () => {
    const with_ = (verb: string) =>
      classifyRelevance({ title: `Hàn Quốc và Mỹ ${verb} kế hoạch tác chiến chung`, lead: null, body: [] });
    const updated = with_('cập nhật');
    const revised = with_('sửa đổi');
    expect(updated.score).toBe(revised.score);
    expect(updated.verdict).toBe(revised.verdict);
  });

  it('a capitalised cue needs a capitalised word; a lower-case cue matches any case', () => {
    const m = new PhraseMatcher<number>().add('Nhật', 1).add('quân', 2);
    expect(m.match('cập nhật').map((h) => h.phrase)).toEqual([]);
    expect(m.match('Quân đội và Nhật').map((h) => h.phrase)).toEqual(['quân', 'Nhật']);
    expect(['abc', 'Abc', 'ABC', 'A', 'Đà'].map(shapeOf)).toEqual(['lower', 'cap', 'upper', 'cap', 'cap']);
  });
});
