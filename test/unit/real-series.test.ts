// The real-columns section of eval:dedupe finds recurring columns from titles alone: these check
// the title reading and the pairing on invented titles (the corpus itself is read in place by the
// eval, never by a test).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnPairs, seriesTitle, type SeriesTitle } from '../../evaluation/real-series.js';

describe('seriesTitle', () => {
  it('reads the column words and the day/month date that follows them', () => {
    expect(seriesTitle('a/1.txt.seg', 'Giá_vàng hôm_nay ( 17/9 ) : Tăng nhẹ')).toMatchObject({
      column: 'giá vàng hôm nay',
      date: '17/9',
      order: 9 * 32 + 17,
    });
    expect(seriesTitle('a/2.txt.seg', 'Kết_quả xổ_số ngày 02/12 : Chưa có chủ')).toMatchObject({
      column: 'kết quả xổ số',
      date: '2/12',
    });
  });

  it('refuses titles with no date, an impossible date or one opening word', () => {
    expect(seriesTitle('p', 'Hàn_Quốc và Mỹ tập_trận chung')).toBeNull();
    expect(seriesTitle('p', 'Giá_vàng hôm_nay 45/13 : tăng')).toBeNull();
    expect(seriesTitle('p', 'Vàng 17/9 : tăng')).toBeNull();
  });

  it('gives a date for every valid day and month, and the order sorts by month then day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), (d, m) => {
        const t = seriesTitle('p', `Dự_báo thời_tiết ${d}/${m} : mưa`);
        expect(t?.date).toBe(`${d}/${m}`);
        expect(t?.order).toBe(m * 32 + d);
      }),
    );
  });
});

describe('columnPairs', () => {
  const piece = (path: string, order: number): SeriesTitle => ({ path, column: 'c', order, date: String(order) });

  it('pairs each piece with those of the next two dates, never two pieces of one date', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 33, max: 415 }), { minLength: 1, maxLength: 30 }), (orders) => {
        const pieces = orders.map((o, i) => piece(`f${i}`, o));
        const dates = [...new Set(orders)].sort((a, b) => a - b);
        const pairs = columnPairs(pieces);
        for (const [a, b] of pairs) {
          const gap = dates.indexOf(b.order) - dates.indexOf(a.order);
          expect(gap === 1 || gap === 2).toBe(true);
        }
        const expected = pieces.reduce((n, a) => {
          const i = dates.indexOf(a.order);
          return n + pieces.filter((b) => [dates[i + 1], dates[i + 2]].includes(b.order)).length;
        }, 0);
        expect(pairs.length).toBe(expected);
      }),
    );
  });
});
