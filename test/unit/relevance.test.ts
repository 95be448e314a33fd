import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/relevance/phrase-matcher.js';
import { classifyRelevance } from '../../src/relevance/classify-relevance.js';

const doc = (title: string, body: string) => ({ title, lead: null, body: [body] });

describe('classifyRelevance', () => {
  it('accepts Korea–US defence coverage', () => {
    const r = classifyRelevance(
      doc(
        'Mỹ và Hàn Quốc rút ngắn thời gian tập trận chung',
        'Quân đội hai nước đồng minh sẽ diễn tập phòng thủ tên lửa.',
      ),
    );
    expect(r.onTopic).toBe(true);
    expect(r.topTerms.map((t) => t.term)).toContain('tập trận');
  });

  it.each([
    [
      'Korea–Japan trade',
      'Hàn Quốc và Nhật Bản nối lại đối thoại thương mại',
      'Hai nước thảo luận về chất bán dẫn và xuất khẩu.',
    ],
    ['K-pop in the US', 'BTS lưu diễn tại Mỹ', 'Nhóm nhạc Hàn Quốc biểu diễn tại 12 thành phố.'],
    ['US–China defence', 'Mỹ và Trung Quốc nối lại kênh liên lạc quân sự', 'Bộ trưởng Quốc phòng hai nước điện đàm.'],
    [
      'cosmetics (mỹ phẩm is not Mỹ)',
      'Hàn Quốc xuất khẩu mỹ phẩm kỷ lục',
      'Ngành mỹ phẩm tăng trưởng, các tập đoàn an ninh mạng cũng vậy.',
    ],
    [
      'North Korea without the US',
      'Triều Tiên phóng tên lửa đạn đạo',
      'Bộ Tham mưu Liên quân Hàn Quốc cho biết tên lửa bay 600 km.',
    ],
  ])('rejects %s', (_label, title, body) => {
    expect(classifyRelevance(doc(title, body)).onTopic).toBe(false);
  });

  it('weights the title over the body', () => {
    const inTitle = classifyRelevance(doc('Hàn Quốc, Mỹ tập trận', 'Tin tức trong ngày.'));
    const inBody = classifyRelevance(doc('Tin tức trong ngày', 'Hàn Quốc, Mỹ tập trận.'));
    expect(inTitle.score).toBeGreaterThan(inBody.score);
  });
});

describe('PhraseMatcher', () => {
  it('matches syllables, never substrings of other words', () => {
    const m = new PhraseMatcher<number>().add('Mỹ', 1).add('an ninh', 2);
    expect(m.match('Thẩm mỹviện')).toEqual([]);
    expect(m.match('anh ninh bình')).toEqual([]);
    expect(m.match('Mĩ và an\nninh').map((h) => h.phrase)).toEqual(['Mỹ', 'an ninh']);
  });

  it('prefers the longest phrase and lets blockers hide words', () => {
    const m = new PhraseMatcher<number>().add('răn đe', 1).add('răn đe mở rộng', 2).add('mỹ', 3).block('mỹ phẩm');
    expect(m.match('Răn đe mở rộng, mỹ phẩm, Mỹ').map((h) => h.phrase)).toEqual(['răn đe mở rộng', 'mỹ']);
  });
});
