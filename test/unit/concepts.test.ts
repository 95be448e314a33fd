// Concept watch rules: the concept files (checked with file:line), their {a|b} variants, and
// concept matching with the topic cues' word rules (whole words, capitals, blockers).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Concept } from '../../config/concept-schema.js';
import { expandSpellings, MAX_SPELLINGS_PER_LINE } from '../../config/concept-spellings.js';
import { ConfigError } from '../../config/errors.js';
import { readConcepts } from '../../config/load-concepts.js';
import { parseWatchlistText } from '../../config/load-watchlist.js';
import { parseQuery } from '../../config/query-language.js';
import { ruleSchema, type RuleConfig } from '../../config/watchlist-schema.js';
import { ConceptContributions, formatContributions } from '../../src/match/concept-contributions.js';
import { explainRule } from '../../src/match/explain-rule.js';
import { RuleMatcher } from '../../src/match/rule-matcher.js';
import { tempDir } from '../helpers/test-runtime.js';

const rule = (o: Record<string, unknown>): RuleConfig => ruleSchema.parse({ name: 'r', channels: ['log'], ...o });
const title = (t: string) => ({ title: t, lead: null, body: [] });
const hits = (r: RuleConfig, t: string) =>
  (new RuleMatcher([r]).match(title(t))[0]?.spans ?? []).map((s) => [s.text, s.phrase]);

describe('concept spellings', () => {
  it('expands {a|b|} variants into every spelling, spaces collapsed', () => {
    expect(expandSpellings('{lực lượng|quân} Mỹ {đồn trú |}tại Hàn Quốc')).toEqual([
      'lực lượng Mỹ đồn trú tại Hàn Quốc',
      'lực lượng Mỹ tại Hàn Quốc',
      'quân Mỹ đồn trú tại Hàn Quốc',
      'quân Mỹ tại Hàn Quốc',
    ]);
    expect(expandSpellings('USFK')).toEqual(['USFK']);
  });

  it.each([
    ['{a|b', /never closed/],
    ['a}b', /closes nothing/],
    ['{a|{b}}', /do not nest/],
    ['{|}', /empty/],
    ['{a|b|c|d}{a|b|c|d}{a|b|c|d}{a|b}', /more than 64/],
  ])('refuses %s', (pattern, why) => {
    expect(() => expandSpellings(pattern)).toThrow(why);
  });

  it('gives one spelling per choice of each group, none with braces (property)', () => {
    // The range à–ỹ also holds U+1680 (Ogham space mark), a space the expansion rightly collapses:
    // a word has none.
    const word = fc.stringMatching(/^[a-zà-ỹ]{1,6}$/).filter((w) => !/\s/u.test(w));
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        (groups) => {
          const pattern = groups.map((g) => `{${g.join('|')}} `).join('');
          const out = expandSpellings(pattern);
          const distinct = new Set(
            groups.reduce<string[]>((acc, g) => acc.flatMap((a) => g.map((x) => `${a} ${x}`.trim())), ['']),
          );
          expect(new Set(out)).toEqual(distinct);
          expect(out.length).toBeLessThanOrEqual(MAX_SPELLINGS_PER_LINE);
          for (const s of out) expect(s).not.toMatch(/[{}|]/);
        },
      ),
    );
  });
});

describe('concept files', () => {
  const folder = (files: Record<string, string>) => {
    const dir = tempDir('tw-concepts');
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };

  it('loads every shipped concept', () => {
    const set = readConcepts();
    expect([...set.keys()]).toEqual(['korea-defence-minister', 'us-defense-secretary', 'usfk']);
    const usfk = set.get('usfk')!;
    expect(usfk.entries.find((e) => e.text === 'USFK')?.kind).toBe('abbreviations');
    expect(usfk.entries.flatMap((e) => e.spellings)).toContain('lực lượng Mỹ đồn trú tại Hàn Quốc');
  });

  it('names the file, line and field of a mistake', () => {
    const dir = folder({ 'x.yaml': 'name: x\naliases:\n  - quân Mỹ\n  - "{quân|lính"\nnicknames: [a]\n' });
    let msg = '';
    try {
      readConcepts(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/x\.yaml:4:5: aliases\.1: "\{" at 0 is never closed/);
    expect(msg).toMatch(/x\.yaml:5:\d+: nicknames: Unrecognized key: "nicknames"/);
  });

  it('refuses a spelling given twice, a concept without spellings, and a name unlike its file', () => {
    expect(() => readConcepts(folder({ 'x.yaml': 'name: x\naliases: [USFK]\nabbreviations: [usfk]\n' }))).toThrow(
      /x\.yaml:3:\d+: abbreviations\.0: "usfk" is already spelled by aliases\[0\]/,
    );
    expect(() => readConcepts(folder({ 'x.yaml': 'name: x\n' }))).toThrow(/aliases: a concept needs a spelling/);
    expect(() => readConcepts(folder({ 'x.yaml': 'name: y\naliases: [a]\n' }))).toThrow(
      /x\.yaml:1:7: name: "y" must be the file's name \("x"\)/,
    );
  });

  it('a watchlist naming an unknown concept is refused at the rule and field', () => {
    expect(() =>
      parseWatchlistText(
        'channels: { log: { type: log } }\nrules:\n  - name: a\n    concept: nope\n    channels: [log]\n',
        'w.yaml',
      ),
    ).toThrow(/w\.yaml:4:14: rule "a" concept: no concept "nope" in config\/concepts/);
    expect(() =>
      parseWatchlistText('channels: { log: { type: log } }\nrules:\n  - { name: a, channels: [log] }\n', 'w.yaml'),
    ).toThrow(/rule "a" query: a rule needs a query or a concept/);
  });
});

describe('the bundled watchlist', () => {
  it('its commented examples of concept, per-thread and spike rules are valid rules', () => {
    const text = readFileSync(new URL('../../config/watchlist.yaml', import.meta.url), 'utf8');
    const uncommented = text.replace(/^ {2}# (- name:| {2})/gm, '  $1');
    const rules = parseWatchlistText(uncommented, 'watchlist.yaml').rules;
    expect(rules.find((r) => r.name === 'usfk')).toMatchObject({
      query: '@usfk',
      perThread: { updateAfterMinutes: 60 },
    });
    expect(rules.find((r) => r.name === 'drills-spike')?.spike).toEqual({ hours: 6, factor: 3, minMatches: 4 });
  });
});

describe('concept rules', () => {
  it('a rule naming a concept runs it as @name; with a query both must match', () => {
    expect(rule({ concept: 'usfk' }).query).toBe('@usfk');
    const both = rule({ concept: 'usfk', query: '"tập trận"' });
    expect(both.query).toBe('@usfk AND ("tập trận")');
    expect(parseQuery(both.query)).toMatchObject({
      kind: 'and',
      items: [{ kind: 'concept', name: 'usfk' }, { kind: 'phrase' }],
    });
    expect(hits(both, 'Quân Mỹ ở Hàn Quốc tập trận')).toEqual([
      ['Quân Mỹ ở Hàn Quốc', '{lực lượng|quân đội|quân|binh sĩ|binh lính|lính} Mỹ {đồn trú |}{tại|ở} Hàn Quốc'],
      ['tập trận', 'tập trận'],
    ]);
    expect(hits(both, 'Quân Mỹ ở Hàn Quốc nghỉ lễ')).toEqual([]);
  });

  it('matches whole words only, a capitalized spelling only in capitalized text, the longest spelling first', () => {
    const r = rule({ query: '@usfk' });
    expect(hits(r, 'Tư lệnh USFK thăm Seoul')).toEqual([['Tư lệnh USFK', 'tư lệnh {USFK|Lực lượng Mỹ tại Hàn Quốc}']]);
    expect(hits(r, 'Các USFKX mới')).toEqual([]); // not a word of its own
    expect(hits(r, 'khoản vay usfk')).toEqual([]); // an acronym in capitals is a name, not a word
    expect(hits(r, 'Tướng Xavier Brunson nói')).toEqual([['Xavier Brunson', 'Xavier Brunson']]);
    expect(hits(r, 'LỰC LƯỢNG MỸ TẠI HÀN QUỐC')).toHaveLength(1); // a lower-case spelling matches any case
  });

  it('blockers hide compounds of another meaning', () => {
    const concept: Concept = {
      name: 'japan',
      description: null,
      entries: [{ text: 'Nhật', kind: 'aliases', spellings: ['Nhật', 'Nhật Bản'] }],
      blockers: ['Chủ nhật'],
    };
    const r: RuleConfig = { ...rule({ query: '"x"' }), query: '@japan', concepts: { japan: concept } };
    expect(hits(r, 'Thủ tướng Nhật Bản tới')).toEqual([['Nhật Bản', 'Nhật']]);
    expect(hits(r, 'Sáng Chủ nhật trời mưa')).toEqual([]);
    expect(hits(r, 'bản cập nhật mới')).toEqual([]);
  });

  it('explains which line of the concept found what', () => {
    const text = explainRule(rule({ concept: 'usfk' }), {
      title: 'USFK và quân đội Mỹ tại Hàn Quốc',
      lead: null,
      body: [],
    });
    expect(text).toContain('rule r: MATCH');
    expect(text).toContain('@usfk: found');
    expect(text).toMatch(/ {4}USFK: title@0 "USFK"/);
    expect(text).toMatch(/quân đội Mỹ tại Hàn Quốc"/);
  });

  it('counts what each line contributed, and what it found alone', () => {
    const r = rule({ concept: 'usfk' });
    const m = new RuleMatcher([r]);
    const c = new ConceptContributions(r.concepts);
    for (const t of ['USFK họp', 'USFK và lính Mỹ ở Hàn Quốc', 'Camp Humphreys mở cửa', 'không liên quan'])
      c.add(m.match(title(t))[0]?.spans ?? []);
    const row = (line: string) => c.list().find((x) => x.line === line)!;
    expect(row('USFK')).toMatchObject({ kind: 'abbreviations', articles: 2, alone: 1 });
    expect(row('Camp Humphreys')).toMatchObject({ articles: 1, alone: 1 });
    expect(row('Paul LaCamera')).toMatchObject({ articles: 0, alone: 0 });
    expect(formatContributions(c.list())).toMatch(/concept @usfk[^\n]*\n[\s\S]*abbreviation +USFK +2 +\(1 alone\)/);
  });
});
