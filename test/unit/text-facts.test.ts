// How the new-facts test reads one fact written several ways (src/dedupe/text-facts.ts). On real
// republications (issue 34's real pairs) copies were split as "follow-ups" because one outlet
// wrote 16/05/2016 where the other wrote 16/5 or 16-5, "hai" where the other wrote 2, TP.HCM where
// the other spelled the city out, or capitalised "Phường" and "Chủ tịch" by house style.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newFacts, storyFacts } from '../../src/dedupe/lead-facts.js';
import {
  AGE_FACT,
  knownNumberForms,
  leadNamesOf,
  leadNumbersOf,
  numbersOf,
  publishedDayForms,
  todayForms,
} from '../../src/dedupe/text-facts.js';

const BODY = [
  'Lực lượng chức năng đã kiểm tra toàn bộ hồ sơ và lập biên bản vi phạm đối với các cơ sở liên quan trong đợt thanh tra.',
];

/** The lead's facts of `b` that `a` (title, lead, body) does not know. */
const fresh = (a: { title: string; lead: string }, b: { title: string; lead: string }) =>
  newFacts(storyFacts(b.title, b.lead, BODY).lead, storyFacts(a.title, a.lead, BODY).known);

describe('facts written several ways', () => {
  it('a date is one fact with or without its year, zeros, dash or dot (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), (d, m) => {
        const dd = String(d).padStart(2, '0');
        const mm = String(m).padStart(2, '0');
        const forms = [`${d}/${m}`, `${dd}/${mm}/2016`, `${d}-${m}`, `${d}.${m}`, `${dd}/${mm}`, `${dd}.${mm}.2016`];
        for (const x of forms)
          for (const y of forms) {
            const a = { title: 'Khởi công dự án', lead: `Ngày ${x}, tỉnh tổ chức lễ khởi công dự án.` };
            const b = { title: 'Khởi công dự án', lead: `Ngày ${y}, lễ khởi công dự án đã diễn ra.` };
            expect(fresh(a, b).numbers).toBe(0);
          }
      }),
      { numRuns: 60 },
    );
  });

  it('another day stays another day, and a new figure stays new', () => {
    const a = { title: 'Giá vàng ngày 16/5', lead: 'Sáng 16/5, giá vàng tăng 200 nghìn đồng.' };
    expect(
      fresh(a, { title: 'Giá vàng ngày 17/5', lead: 'Sáng 17/5/2016, giá vàng tăng 200 nghìn đồng.' }).numbers,
    ).toBe(1);
    expect(fresh(a, { title: 'Giá vàng ngày 16/5', lead: 'Sáng 16/5, giá vàng tăng 350 nghìn đồng.' }).numbers).toBe(1);
    expect(numbersOf('ngày 16/05/2016 và 28.500 đồng')).toEqual(['16/5', '28500']);
    expect(numbersOf('ngày 28.5.2016, 16.05.2016 và 1.500.000 đồng')).toEqual(['28/5', '16/5', '1500000']);
    // The form stories indexed before dotted dates were dates hold among their lead facts.
    expect(knownNumberForms('ngày 16.05.2016')).toContain('16.5.2016');
  });

  it('an age and a birth year are one fact: that the text says how old someone is (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1930, max: 2010 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('SN', 'sinh năm', 'Sinh năm'),
        (year, age, born) => {
          const a = {
            title: 'Bắt giam cán bộ',
            lead: `Cơ quan điều tra bắt giam bị can (${born} ${year}) trú tại xã.`,
          };
          const b = { title: 'Bắt giam cán bộ', lead: `Cơ quan điều tra bắt giam bị can, ${age} tuổi, trú tại xã.` };
          expect(fresh(a, b).numbers).toBe(0);
          expect(fresh(b, a).numbers).toBe(0);
          expect(leadNumbersOf(b.lead)).toEqual([AGE_FACT]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("an age leaves the lead's other figures as they were, and a text without one does not know it", () => {
    expect(leadNumbersOf('Ngày 23/5, bị can 54 tuổi bị bắt cùng 3 đồng phạm.')).toEqual(['23/5', '3', AGE_FACT]);
    expect(knownNumberForms('Ngày 23/5, báo Tuổi Trẻ đưa tin.')).not.toContain(AGE_FACT);
    expect(knownNumberForms('Ngày 23/5, bị can bị bắt cùng 3 đồng phạm.')).not.toContain(AGE_FACT);
    const a = { title: 'Bắt giam cán bộ', lead: 'Cơ quan điều tra bắt giam bị can trú tại xã.' };
    expect(fresh(a, { title: 'Bắt giam cán bộ', lead: 'Cơ quan điều tra bắt giam bị can 54 tuổi.' }).numbers).toBe(1);
  });

  it('thousands are one figure with dots, commas or no separators; decimals and dates stay as they were (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), (n) => {
        const plain = String(n);
        const dots = n.toLocaleString('de-DE');
        const commas = n.toLocaleString('en-US');
        expect(numbersOf(dots)).toEqual([plain]);
        expect(numbersOf(commas)).toEqual([plain]);
        expect(numbersOf(plain)).toEqual([plain]);
        for (const [x, y] of [
          [dots, plain],
          [plain, commas],
          [commas, dots],
        ]) {
          const a = { title: 'Tiếp nhận hàng cứu trợ', lead: `Địa phương đã tiếp nhận ${x} suất quà cứu trợ.` };
          const b = { title: 'Tiếp nhận hàng cứu trợ', lead: `Địa phương tiếp nhận ${y} suất quà cứu trợ.` };
          expect(fresh(a, b).numbers).toBe(0);
        }
      }),
      { numRuns: 100 },
    );
    expect(numbersOf('1,5 và 0.500 và 16.5 và 36,55')).toEqual(['1.5', '0.500', '16.5', '36.55']);
    // Another figure stays another figure.
    const a = { title: 'Tiếp nhận hàng cứu trợ', lead: 'Địa phương đã tiếp nhận 1.500 suất quà.' };
    expect(fresh(a, { title: 'Tiếp nhận hàng cứu trợ', lead: 'Địa phương tiếp nhận 15.000 suất quà.' }).numbers).toBe(
      1,
    );
  });

  it('a range of years is its two years, however the dash is spaced; another range is new', () => {
    const forms = ['2017-2020', '2017 - 2020', '2017–2020', '2017 – 2020', '2017/2020'];
    for (const x of forms) {
      expect(numbersOf(`giai đoạn ${x}`)).toEqual(['2017', '2020']);
      for (const y of forms) {
        const a = { title: 'Trồng rừng ven biển', lead: `Tỉnh duyệt chương trình trồng rừng ven biển giai đoạn ${x}.` };
        const b = {
          title: 'Trồng rừng ven biển',
          lead: `Chương trình trồng rừng ven biển của tỉnh trong giai đoạn ${y}.`,
        };
        expect(fresh(a, b).numbers).toBe(0);
      }
    }
    const a = {
      title: 'Trồng rừng ven biển',
      lead: 'Tỉnh duyệt chương trình trồng rừng ven biển giai đoạn 2017-2020.',
    };
    expect(
      fresh(a, { title: 'Trồng rừng ven biển', lead: 'Chương trình trồng rừng giai đoạn 2021-2025.' }).numbers,
    ).toBe(2);
  });

  it('a small count is known spelled out', () => {
    expect(knownNumberForms('hai người bị thương')).toContain('2');
    const a = { title: 'Tai nạn giao thông', lead: 'Vụ tai nạn khiến hai người bị thương nặng.' };
    expect(fresh(a, { title: 'Tai nạn giao thông', lead: 'Vụ tai nạn khiến 2 người bị thương nặng.' }).numbers).toBe(0);
  });

  it('acronyms and words style capitalises are not new actors; a new person is', () => {
    expect(leadNamesOf('Sáng nay, tại Phường Tân Định, TP.HCM, Chủ tịch UBND tỉnh phát biểu.')).toEqual([
      'tan',
      'dinh',
    ]);
    const a = {
      title: 'Khai trương dịch vụ công',
      lead: 'Thành phố Hồ Chí Minh khai trương dịch vụ công trực tuyến ở phường Đồng Tâm.',
    };
    const restyled = {
      title: 'Khai trương dịch vụ công',
      lead: 'TP.HCM khai trương dịch vụ công trực tuyến tại Phường Đồng Tâm.',
    };
    expect(fresh(a, restyled).names).toBe(0);
    // …and the other way round: a lead that spells out the city another outlet wrote short.
    for (const short of ['TP.HCM', 'Tp.HCM', 'TPHCM'])
      expect(fresh({ ...restyled, lead: restyled.lead.replace('TP.HCM', short) }, a).names).toBe(0);
    const quoted = {
      title: 'Khai trương dịch vụ công',
      lead: 'Ông Lê Minh Khôi, Giám đốc Sở, cho biết dịch vụ đã chạy.',
    };
    expect(fresh(a, quoted).names).toBeGreaterThanOrEqual(2);
  });

  it('a house-style season is no actor', () => {
    expect(leadNamesOf('Câu lạc bộ sẽ chia tay hậu vệ Dani Alves trong kỳ chuyển nhượng Hè này.')).toEqual([
      'dani',
      'alves',
    ]);
  });
});

describe('facts a copy writes otherwise: "hôm nay" for a date, a padded decimal', () => {
  const game = { title: 'Ra mắt giải đấu', lead: 'Ngày 22/5 tới, đội bóng sẽ tiếp đón đối thủ trên sân nhà.' };
  const today = { title: 'Háo hức ra mắt', lead: 'Trong ngày hôm nay, đội bóng sẽ tiếp đón đối thủ trên sân nhà.' };
  /** Lead figures of `a` that `b`, published on `day`, holds nowhere. */
  const dropped = (a: typeof game, b: typeof game, day: string | null) =>
    newFacts(storyFacts(a.title, a.lead, BODY).lead, storyFacts(b.title, b.lead, BODY, day).known).numbers;

  it('"hôm nay" is the publication day, in the outlet\'s own calendar (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('hôm nay', 'Hôm nay', 'sáng nay', 'Chiều nay', 'tối nay'),
        (d, m, word) => {
          const iso = `2016-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T23:30:00+07:00`;
          expect(todayForms(`Đội bóng thi đấu ${word} trên sân nhà.`, publishedDayForms(iso))).toEqual([
            `${d}/${m}`,
            `${d}.${m}`,
          ]);
        },
      ),
      { numRuns: 60 },
    );
    expect(dropped(game, today, '2016-05-22')).toBe(0);
  });

  it('"hôm nay" knows no date without the day, on another day, or in a text that does not say it', () => {
    expect(dropped(game, today, null)).toBe(1);
    expect(dropped(game, today, '2016-05-21T10:00:00+07:00')).toBe(1);
    // A time written in UTC is a day in Vietnam: 20:00 Z on the 21st is the 22nd there.
    expect(dropped(game, today, '2016-05-21T20:00:00Z')).toBe(0);
    expect(todayForms('Trong năm nay, đội bóng thi đấu.', publishedDayForms('2016-05-22'))).toEqual([]);
    expect(todayForms('Đội bóng thi đấu trên sân nhà.', publishedDayForms('2016-05-22'))).toEqual([]);
    // Read strictly, a lead's figures are what it writes: "hôm nay" is never a new lead figure.
    expect(leadNumbersOf(today.lead)).toEqual([]);
  });

  it('a decimal padded to three places is known as the decimal, and other figures stay new', () => {
    expect(knownNumberForms('thu về hơn 103.300 triệu USD')).toEqual(expect.arrayContaining(['103300', '103.3']));
    const a = { title: 'Doanh thu phim', lead: 'Phim thu về hơn 103.3 triệu USD sau 5 ngày.' };
    const padded = { title: 'Doanh thu phim', lead: 'Phim thu về hơn 103.300 triệu USD sau 5 ngày.' };
    expect(fresh(padded, a).numbers).toBe(0);
    expect(fresh(a, { title: 'Doanh thu phim', lead: 'Phim thu về hơn 103.8 triệu USD sau 5 ngày.' }).numbers).toBe(1);
    // Whole thousands and several groups are no padded decimal: 28.000 never makes 28 known.
    expect(knownNumberForms('28.000 và 1.500.000 người')).not.toEqual(expect.arrayContaining(['28']));
    expect(knownNumberForms('1.500.000 người')).not.toContain('1.5');
  });
});
