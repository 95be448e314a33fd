// The VietNews section of eval:dedupe finds its pairs across a whole corpus and orders them by the
// dates they state: these check the finder and the ordering on invented, word-segmented texts
// (the corpus itself is read in place by the eval, never by a test).
import { describe, expect, it } from 'vitest';
import type { NewsDoc } from '../../evaluation/real-news-corpus.js';
import { MAX_RUN_TEXTS, RUN_SAMPLE, sharedFeaturePairs, textFeatures } from '../../evaluation/shared-runs.js';
import {
  ANOTHER_DAY,
  LATER_REPORT,
  NEW_LEAD,
  UNDATED,
  datesOf,
  orderedPair,
  otherFigures,
  reportedDate,
} from '../../evaluation/vietnews-pair-kinds.js';

const words = (n: number, seed: string): string =>
  Array.from({ length: n }, (_, i) => `${seed}${(i * 7919) % 100_003}`).join(' ');

describe('the pair finder', () => {
  it('reads runs of syllables: segmented words split, case and punctuation left out', () => {
    const plain = words(400, 'x');
    const runs = textFeatures(plain).runs;
    expect(runs.length).toBeGreaterThan(0);
    const segmented = plain.replace(/ /g, (_, i: number) => (i % 3 ? ' ' : '_')).replace(/x1/g, 'X1');
    expect(textFeatures(segmented).runs).toEqual(runs);
    expect(textFeatures(plain.replace(/ /g, ' , ')).runs).toEqual(runs);
  });

  it('takes capitalised words of several syllables as names, once each', () => {
    expect(textFeatures('Ông Trần_Văn_Bình gặp Trần_Văn_Bình tại Cảng Hải_Phòng ; quy_định mới').names.sort()).toEqual([
      'Hải_Phòng',
      'Trần_Văn_Bình',
    ]);
  });

  it('samples the same runs in every text, about one in RUN_SAMPLE', () => {
    const text = words(4000, 'x').split(' ');
    const runs = textFeatures(text.join(' ')).runs;
    expect(runs.length).toBeGreaterThan(4000 / RUN_SAMPLE / 2);
    expect(runs.length).toBeLessThan((4000 / RUN_SAMPLE) * 2);
    // A text holding half of this one holds the runs sampled there, and no others of it.
    const half = textFeatures(text.slice(0, 2000).join(' ')).runs;
    expect(half.every((h) => runs.includes(h))).toBe(true);
    expect(half.length).toBeLessThan(runs.length);
  });

  it('pairs texts sharing enough rare features, and ignores features too many texts hold', () => {
    const common = Array.from({ length: MAX_RUN_TEXTS + 1 }, () => [99]);
    const texts = [[1, 2, 3], [1, 2, 3, 4], [3, 4], ...common];
    expect(sharedFeaturePairs(texts, MAX_RUN_TEXTS, 3)).toEqual([{ a: 0, b: 1, shared: 3 }]);
    expect(sharedFeaturePairs(texts, MAX_RUN_TEXTS, 1)).toEqual([
      { a: 0, b: 1, shared: 3 },
      { a: 0, b: 2, shared: 1 },
      { a: 1, b: 2, shared: 2 },
    ]);
  });

  it('finds a trimmed copy from its runs and not an unrelated text', () => {
    const original = words(600, 'a');
    const copy = original.split(' ').slice(0, 300).join(' ');
    const other = words(600, 'b');
    const runs = [original, copy, other].map((t) => textFeatures(t).runs);
    expect(sharedFeaturePairs(runs, MAX_RUN_TEXTS, 3).map((p) => [p.a, p.b])).toEqual([[0, 1]]);
  });
});

const doc = (id: string, title: string, lead: string, paragraphs: string[]): NewsDoc => ({
  id,
  cluster: '',
  onTopic: false,
  kind: 'real',
  event: null,
  title,
  lead,
  paragraphs,
  outlet: 'vietnews',
  url: '',
  day: null,
  author: '',
});

const body = [
  'Tàu hàng mang cờ Panama cập cảng lúc sáng sớm sau chuyến đi dài mười ngày trên biển.',
  'Cảng vụ cho biết thủ tục kiểm tra hàng hoá đã hoàn tất trong buổi chiều cùng ngày.',
  'Toàn bộ thuỷ thủ đoàn đều khoẻ mạnh và đã được phép lên bờ nghỉ ngơi theo quy định.',
];

describe('ordering and kinds', () => {
  it('reads valid day/month dates, not fractions or product names', () => {
    expect(datesOf('sáng 3/4, mẫu máy 7/55, ngày 16/05/2016 và 45/13')).toEqual([4 * 32 + 3, 5 * 32 + 16]);
    expect(reportedDate({ lead: 'Ngày 27/3, công an cho biết vụ trộm ngày 13/3.', paragraphs: [] })).toBe(3 * 32 + 27);
  });

  it('keeps two titles dated on different days apart, the earlier first, however alike', () => {
    const day2 = doc('p2', 'Giá rau 5/4: tăng', 'Giá rau ở chợ đầu mối tăng nhẹ vì trời mưa nhiều ngày.', body);
    const day1 = doc('p1', 'Giá rau 3/4: tăng', 'Giá rau ở chợ đầu mối tăng nhẹ vì trời mưa nhiều ngày.', body);
    const p = orderedPair(day2, day1);
    expect([p.a.id, p.b.id, p.label, p.kind]).toEqual(['p1', 'p2', 'apart', ANOTHER_DAY]);
  });

  it('takes titles in the same words with other figures for two pieces of a template', () => {
    const t = (title: string) => ({ title });
    expect(otherFigures(t('Hội chợ sách thiếu nhi đợt 3'), t('Hội chợ sách thiếu nhi đợt 4'))).toBe(true);
    expect(otherFigures(t('Nộp hồ sơ dự thi trước ngày 12/6'), t('Nộp hồ sơ dự thi trước 12/6'))).toBe(false);
    expect(otherFigures(t('Giá vàng tăng 2 phiên'), t('Lũ cuốn trôi 5 ngôi nhà ở miền núi'))).toBe(false);
    expect(otherFigures(t('Tàu cập cảng Hải Phòng'), t('Tàu cập cảng Hải Phòng lúc 9 giờ'))).toBe(false);
  });

  it('labels a retitled copy a copy, and claims a later report second', () => {
    const first = doc('f', 'Tàu cập cảng', 'Sáng 3/4, tàu hàng cập cảng sau mười ngày trên biển.', body);
    const copy = doc('c', 'Một tàu hàng đã cập cảng', 'Sáng 3/4, tàu hàng cập cảng sau mười ngày trên biển.', body);
    expect(orderedPair(first, copy)).toMatchObject({ label: 'copy', kind: 'retitled' });
    const later = doc(
      'l',
      'Điều tra lô hàng',
      'Chiều 6/4, cơ quan hải quan mở cuộc điều tra về lô hàng nhập lậu giấu trong container.',
      ['Các cán bộ niêm phong sáu container và lập biên bản với chủ hàng tại văn phòng cảng.'],
    );
    const p = orderedPair(later, first);
    expect([p.a.id, p.b.id, p.label, p.kind]).toEqual(['f', 'l', 'apart', LATER_REPORT]);
    const undated = doc(
      'u',
      'Điều tra',
      'Cơ quan hải quan mở cuộc điều tra về lô hàng nhập lậu giấu trong container.',
      [],
    );
    expect(orderedPair(first, undated)).toMatchObject({ label: 'apart', kind: UNDATED });
  });

  it('calls a text that repeats the first report under a new lead grey, not a copy', () => {
    const first = doc('f', 'Tàu cập cảng', 'Sáng 3/4, tàu hàng cập cảng sau mười ngày trên biển.', body);
    const followUp = doc(
      'n',
      'Thuỷ thủ tàu hàng được về nước',
      'Chiều 9/4, toàn bộ mười hai thuỷ thủ của tàu hàng đã lên máy bay về nước an toàn.',
      body,
    );
    expect(orderedPair(first, followUp)).toMatchObject({ a: first, b: followUp, label: 'grey', kind: NEW_LEAD });
    const trimmed = doc('t', 'Tàu cập cảng', 'Sáng 3/4, tàu hàng cập cảng sau mười ngày trên biển.', body.slice(0, 1));
    expect(orderedPair(first, trimmed)).toMatchObject({ label: 'copy', kind: 'trimmed or compiled' });
  });
});
