// Figures of a lead that are not what it reports (src/dedupe/figure-forms.ts): the reference
// point of a superlative ("the highest since 2011") is history one outlet spells out in its lead
// and another leaves out; a copy that adds it states no new fact. Invented sentences only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newFacts, storyFacts } from '../../src/dedupe/lead-facts.js';
import { MONTH_FACT, withoutReferencePoints } from '../../src/dedupe/figure-forms.js';
import { knownNumberForms, leadNumbersOf } from '../../src/dedupe/text-facts.js';

const BODY = ['Người dân ven sông được khuyến cáo theo dõi thông báo của chính quyền địa phương.'];

/** The lead's facts of `b` that `a` (title, lead, body) does not know. */
const fresh = (a: { title: string; lead: string }, b: { title: string; lead: string }) =>
  newFacts(storyFacts(b.title, b.lead, BODY).lead, storyFacts(a.title, a.lead, BODY).known);

describe('the reference point of a superlative', () => {
  it('is not a lead fact, whatever the time it names (property)', () => {
    const time = fc.oneof(
      fc.integer({ min: 1990, max: 2030 }).map((y) => `năm ${y}`),
      fc
        .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2030 }))
        .map(([m, y]) => `tháng ${m} năm ${y}`),
      fc
        .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2030 }))
        .map(([m, y]) => `tháng ${m}/${y}`),
      fc.integer({ min: 1990, max: 2030 }).map((y) => `đầu năm ${y}`),
    );
    const gap = fc.array(fc.constantFrom('mực', 'nước', 'hồ', 'dâng', 'lên', 'rất', 'nhanh'), { maxLength: 7 });
    const opener = fc.constantFrom('cao nhất', 'thấp nhất', 'nhanh nhất', 'lần đầu tiên', 'lần đầu');
    fc.assert(
      fc.property(opener, gap, time, (o, g, t) => {
        const lead = `Hồ chứa đạt mức ${o} ${[...g, 'kể từ'].join(' ')} ${t}.`;
        expect(leadNumbersOf(lead)).toEqual([]);
        // The text that says it still knows it.
        for (const n of leadNumbersOf(t.replace(/^\D+/, ''))) expect(knownNumberForms(lead)).toContain(n);
      }),
      { numRuns: 100 },
    );
  });

  const title = 'Mực nước hồ chứa dâng cao';
  const original = { title, lead: 'Mực nước hồ chứa ở thượng nguồn dâng cao sau những trận mưa lớn.' };

  it('added to a copy’s lead is not a new fact', () => {
    const copy = { title, lead: 'Mực nước hồ chứa ở thượng nguồn dâng cao nhất kể từ tháng 3 năm 2009.' };
    expect(fresh(original, copy).numbers).toBe(0);
  });

  it('beside a new figure leaves that figure new (a follow-up)', () => {
    const followUp = { title, lead: 'Mực nước hồ chứa dâng thêm 4 mét, cao nhất kể từ năm 1998.' };
    expect(fresh(original, followUp).numbers).toBe(1);
  });
});

describe('dates that stay lead facts', () => {
  it('"nhất" that is no superlative ("nhất trí", "thống nhất", untoned "Nhat Ban", "cap nhat") keeps its date', () => {
    for (const t of [
      'Hai bên nhất trí kể từ ngày 1/7 sẽ áp dụng quy định mới.',
      'Hai ben nhat tri ke tu ngay 1/7 se ap dung quy dinh moi.',
      'Các tỉnh thống nhất kể từ ngày 1/7 sẽ áp dụng quy định mới.',
      'Quan he voi Nhat Ban ke tu ngay 1/7 duoc nang cap.',
      'Ban tin cap nhat ke tu ngay 1/7 den nay.',
    ])
      expect(leadNumbersOf(t)).toEqual(['1/7']);
  });

  it('"kể từ" with no superlative before it: the date the story is about', () => {
    expect(leadNumbersOf('Kể từ ngày 1/7, mức phạt đối với vi phạm này tăng gấp đôi.')).toEqual(['1/7']);
  });

  it('a superlative in another sentence does not reach it', () => {
    expect(withoutReferencePoints('Mức phạt cao nhất. Kể từ năm 2030 áp dụng')).toContain('2030');
  });

  it('a superlative followed by a range of figures (a forecast) keeps them', () => {
    expect(leadNumbersOf('Nhiệt độ cao nhất từ 33 đến 35 độ.')).toEqual(['33', '35']);
  });
});

describe('a month named as such', () => {
  it('is known to a text that gives a date in it, names it or gives its month and year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), (d, m) => {
        const b = { title: 'Phiên tòa dự kiến mở', lead: `Phiên tòa dự kiến mở vào trung tuần tháng ${m} tới.` };
        for (const known of [`ngày ${d}/${m}`, `ngày ${d}-${m}-2018`, `tháng ${m}/2018`, `đầu tháng ${m}`])
          expect(fresh({ title: 'Phiên tòa sắp mở', lead: `Phiên tòa sẽ mở ${known}.` }, b).numbers).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('is a fact of its own: another month, or a bare count, is not it', () => {
    const b = { title: 'Phiên tòa dự kiến mở', lead: 'Phiên tòa dự kiến mở vào tháng 11 tới.' };
    expect(fresh({ title: 'Phiên tòa sắp mở', lead: 'Phiên tòa sẽ mở ngày 12/10.' }, b).numbers).toBe(1);
    expect(fresh({ title: 'Phiên tòa sắp mở', lead: 'Phiên tòa xét xử 11 bị cáo.' }, b).numbers).toBe(1);
    expect(leadNumbersOf('Phiên tòa mở vào tháng 11 tới.')).toEqual([`${MONTH_FACT}11`]);
    // A comma or a stop after it ends the clause, not the figure.
    expect(leadNumbersOf('Phiên tòa mở vào tháng 11, luật sư cho biết.')).toEqual([`${MONTH_FACT}11`]);
    expect(leadNumbersOf('Phiên tòa mở vào tháng 11.')).toEqual([`${MONTH_FACT}11`]);
    expect(leadNumbersOf('Lãi suất tháng 11,5 %.')).not.toContain(`${MONTH_FACT}11`);
  });

  it('with its year, or as a count of months, reads as before', () => {
    expect(leadNumbersOf('Lượng mưa tháng 3/2009 và tháng 3 năm 2009.')).toEqual(['3/2009', '3', '2009']);
    expect(leadNumbersOf('Mưa nhiều nhất trong 9 tháng qua.')).toEqual(['9']);
  });
});

describe('without diacritics', () => {
  it('reads as with them (a copy stripped of its tones)', () => {
    const strip = (t: string): string =>
      t
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd');
    for (const t of [
      'Nước dâng nhanh nhất kể từ tháng 3 năm 2009.',
      'Lần đầu tiên hồ xả lũ kể từ năm 1998.',
      'Phiên tòa mở vào trung tuần tháng 11 tới.',
    ]) {
      expect(leadNumbersOf(strip(t))).toEqual(leadNumbersOf(t));
      expect(knownNumberForms(strip(t))).toEqual(knownNumberForms(t));
    }
  });
});

describe('a date spelled out', () => {
  it('is the date another outlet writes with slashes, in a lead and in the known forms (property)', () => {
    const date = fc.tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
    );
    fc.assert(
      fc.property(date, ([d, m, y]) => {
        const spelled = `Sáng ngày ${d} tháng ${m}${y ? ` năm ${y}` : ''}, đoàn công tác đến nơi.`;
        const slashed = `Sáng ngày ${d}/${m}${y ? `/${y}` : ''}, đoàn công tác đến nơi.`;
        expect(leadNumbersOf(spelled)).toEqual(leadNumbersOf(slashed));
        expect(leadNumbersOf(spelled)).toEqual([`${d}/${m}`]);
        // A copy that spells out the date its original wrote with a slash states nothing new.
        const original = { title: 'Đoàn công tác đến nơi', lead: slashed };
        expect(fresh(original, { title: original.title, lead: spelled }).numbers).toBe(0);
        expect(fresh({ ...original, lead: spelled }, { title: original.title, lead: slashed }).numbers).toBe(0);
        // Another day spelled out is still another day.
        const next = `Sáng ngày ${(d % 28) + 1} tháng ${m}, đoàn công tác đến nơi.`;
        expect(fresh(original, { title: original.title, lead: next }).numbers).toBe(1);
      }),
    );
  });

  it('stays two figures when it is no calendar day, and is read without diacritics too', () => {
    expect(leadNumbersOf('Ngày 32 tháng 11 có 5 người đến.')).toEqual(['32', '5', `${MONTH_FACT}11`]);
    expect(leadNumbersOf('Ngay 3 thang 11 nam 2017, 5 nguoi den.')).toEqual(['3/11', '5']);
  });
});
