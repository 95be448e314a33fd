import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleSchema, type RuleConfig } from '../../config/watchlist-schema.js';
import { parseQuery, QuerySyntaxError } from '../../config/query-language.js';
import type { MatchableArticle } from '../../src/match/matchable.js';
import { RuleMatcher } from '../../src/match/rule-matcher.js';

const rule = (name: string, query: string, extra: Partial<RuleConfig> = {}): RuleConfig =>
  ruleSchema.parse({ name, query, channels: ['log'], ...extra });
const art = (title: string, body = '', lead: string | null = null): MatchableArticle => ({ title, lead, body: [body] });
const names = (m: RuleMatcher, a: MatchableArticle) => m.match(a).map((x) => x.rule.name);

describe('parseQuery', () => {
  it('parses phrases, precedence and implicit AND', () => {
    expect(parseQuery('"tập trận" AND ("Hàn Quốc" OR Seoul) NOT "Triều Tiên"')).toEqual({
      kind: 'and',
      items: [
        { kind: 'phrase', text: 'tập trận' },
        {
          kind: 'or',
          items: [
            { kind: 'phrase', text: 'Hàn Quốc' },
            { kind: 'phrase', text: 'Seoul' },
          ],
        },
        { kind: 'not', item: { kind: 'phrase', text: 'Triều Tiên' } },
      ],
    });
    expect(parseQuery('KIDD OPCON')).toEqual({
      kind: 'and',
      items: [
        { kind: 'phrase', text: 'KIDD' },
        { kind: 'phrase', text: 'OPCON' },
      ],
    });
    expect(parseQuery('"răn đe" NEAR/5 "hạt nhân"')).toMatchObject({ kind: 'near', distance: 5 });
  });

  it.each([
    ['"unclosed', /unclosed quote/],
    ['NOT KIDD', /at least one phrase that must be present/],
    ['(KIDD', /missing \)/],
    ['KIDD OR', /query ends/],
    ['KIDD NEAR 3 OPCON', /NEAR needs a distance/],
    ['KIDD NEAR/3 (OPCON)', /NEAR\/n must stand between two phrases/],
  ])('rejects %j with a clear reason', (q, re) => {
    expect(() => parseQuery(q)).toThrow(QuerySyntaxError);
    expect(() => parseQuery(q)).toThrow(re);
  });
});

describe('RuleMatcher', () => {
  const m = new RuleMatcher([
    rule('deterrence', '"răn đe mở rộng"'),
    rule('drills-korea', '"tập trận" AND "Hàn Quốc"'),
    rule('us', 'Mỹ'),
    rule('kidd-not-nk', 'KIDD NOT "Triều Tiên"'),
    rule('near', '"Lloyd Austin" NEAR/5 Seoul'),
    rule('title-only', 'GSOMIA', { fields: ['title'] }),
    rule('hoa', '"phi hạt nhân hoá"'),
    rule('ascii', 'My', { diacriticFree: true }),
  ]);

  it('matches phrases, AND/NOT, proximity and field scope', () => {
    expect(names(m, art('Mỹ tái khẳng định răn đe mở rộng'))).toEqual(['deterrence', 'us', 'ascii']);
    expect(names(m, art('Tập trận lớn', 'Quân đội Hàn Quốc tham gia.'))).toEqual(['drills-korea']);
    expect(names(m, art('KIDD họp', 'Triều Tiên phản đối.'))).toEqual([]);
    expect(names(m, art('KIDD họp'))).toEqual(['kidd-not-nk']);
    expect(names(m, art('Lloyd Austin sẽ tới Seoul'))).toEqual(['near']);
    expect(
      names(m, art('Lloyd Austin phát biểu tại Washington về nhiều vấn đề quan trọng rồi sau đó mới tới Seoul')),
    ).toEqual([]);
    expect(names(m, art('Tin ngày', 'GSOMIA được gia hạn'))).toEqual([]);
    expect(names(m, art('GSOMIA được gia hạn'))).toEqual(['title-only']);
  });

  it('folds tone placement, i/y, case and NFD, but never matches inside other words', () => {
    expect(names(m, art('Tiến trình phi hạt nhân hóa'))).toEqual(['hoa']);
    expect(names(m, art('Quan chức Mĩ'))).toEqual(['us', 'ascii']);
    expect(names(m, art('RĂN ĐE MỞ RỘNG'.normalize('NFD')))).toEqual(['deterrence']);
    expect(names(m, art('răn đe,\nmở rộng'))).toEqual(['deterrence']);
    expect(names(m, art('Mỹviện và Mỹtho'))).toEqual([]);
    expect(names(m, art('KIDDO'))).toEqual([]);
  });

  it('diacritic-free matching is opt-in (mỳ only reaches the ascii rule)', () => {
    expect(names(m, art('Bát mỳ Quảng'))).toEqual(['ascii']);
  });

  it('returns matched spans for highlighting, in the NFC text', () => {
    const [hit] = new RuleMatcher([rule('x', '"răn đe"')]).match(art('Tiêu đề', 'Cam kết răn đe của Mỹ.'));
    expect(hit!.spans).toEqual([{ field: 'body', start: 8, end: 14, text: 'răn đe', phrase: 'răn đe' }]);
  });

  it('NFC and NFD input give the same matches (property)', () => {
    const words = [
      'Hàn Quốc',
      'Mỹ',
      'tập trận',
      'răn đe mở rộng',
      'KIDD',
      'hoá',
      'thuỷ',
      'Seoul',
      'và',
      'ở',
      '.',
      ',',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        expect(m.match(art(text.normalize('NFD'))).map((x) => [x.rule.name, x.spans.map((s) => s.start)])).toEqual(
          m.match(art(text.normalize('NFC'))).map((x) => [x.rule.name, x.spans.map((s) => s.start)]),
        );
      }),
    );
  });

  it('a keyword glued into a longer word never matches (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('KIDD', 'Mỹ', 'GSOMIA'),
        fc.string({
          unit: fc.constantFrom(...'abcdeghiklmnopqrstuvxyàáảãạăằắâầấđèéêềếìíòóôồốơờớùúưừứỳý'.split('')),
          minLength: 1,
          maxLength: 5,
        }),
        (kw, glue) => {
          const only = new RuleMatcher([rule('k', `"${kw}"`)]);
          expect(only.match(art(`${kw}${glue} ${glue}${kw}`))).toEqual([]);
        },
      ),
    );
  });
});
