// The expanded-copy part of the same-story rule (src/dedupe/same-story.ts, step 6): a later,
// longer version of a report whose lead restates the original's and adds a figure is a copy; a
// follow-up that leads with what is new, a version that changed the original's figures and another
// day of a column stay apart. The texts are the project's own.
import { describe, expect, it } from 'vitest';
import { DEDUPE } from '../../config/dedupe.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { compareFingerprints } from '../../src/dedupe/same-story.js';
import { BODY, first, LEAD, MORE, todayCopy, type Piece } from '../helpers/expanded-copy-pieces.js';

const fp = (p: Piece) => fingerprint(p.lead, p.body, undefined, p.title);

describe('the same-story rule: expanded copies', () => {
  it("merges a later, longer version whose lead restates the original's and adds a figure", () => {
    const later: Piece = {
      title: 'Khởi động tập trận chung quy mô lớn',
      lead: `${LEAD}, với sự tham gia của 19.000 binh sĩ.`,
      body: [...BODY, ...MORE],
    };
    const v = compareFingerprints(fp(later), fp(first));
    expect(v.newFacts?.numbers).toBe(1); // 19.000: a fact the first report lacks…
    expect(v.containment).toBeGreaterThanOrEqual(DEDUPE.copyMinContainment);
    expect(v).toMatchObject({ same: true, basis: 'expanded copy', related: null }); // …in a copy of it
  });

  it('keeps apart a follow-up that leads with new facts over the first report as background', () => {
    const followUp: Piece = {
      title: 'Diễn biến mới của cuộc tập trận',
      lead: 'Đến ngày 14/3, Chuẩn tướng Daniel Whitmore xác nhận thêm 40 máy bay tham gia giai đoạn hai.',
      body: [`${LEAD}.`, ...BODY],
    };
    const v = compareFingerprints(fp(followUp), fp(first));
    expect(v.containment).toBeGreaterThanOrEqual(DEDUPE.copyMinContainment); // it holds the first report
    expect(v).toMatchObject({ same: false, basis: 'new facts in the lead', related: 'follow-up' });
  });

  it("keeps apart a longer version that changed the original's figures", () => {
    const changed: Piece = {
      title: 'Khởi động tập trận chung quy mô lớn',
      lead: `${LEAD.replace('11 ngày', '10 ngày')}, với sự tham gia của 19.000 binh sĩ.`,
      body: [...BODY, ...MORE],
    };
    const v = compareFingerprints(fp(changed), fp(first));
    expect(v.containment).toBeGreaterThanOrEqual(DEDUPE.copyMinContainment);
    expect(v).toMatchObject({ same: false, basis: 'new facts in the lead', related: 'follow-up' });
  });

  it('keeps another day of a column apart even when its title carries no date', () => {
    const day = (d: number, price: number): Piece => ({
      title: 'Giá vàng hôm nay tại Hà Nội và TP Hồ Chí Minh',
      lead: `Sáng ${d}/7, Công ty Vàng bạc Đá quý Sài Gòn niêm yết vàng miếng ở mức ${price},5 triệu đồng mỗi lượng tại Hà Nội và Đà Nẵng.`,
      body: [
        'Giá vàng nhẫn cũng được điều chỉnh theo cùng chiều với vàng miếng, chênh lệch giữa giá mua và giá bán được giữ ở mức quen thuộc.',
        'Trên thị trường thế giới, giá vàng giao ngay biến động nhẹ trong phiên giao dịch châu Á khi nhà đầu tư chờ số liệu kinh tế mới.',
        'Các chuyên gia khuyến cáo người mua cân nhắc kỹ trước khi xuống tiền trong bối cảnh thị trường còn nhiều biến động khó lường.',
      ],
    });
    const v = compareFingerprints(fp(day(2, 121)), fp(day(1, 120)));
    expect(v.containment).toBeGreaterThanOrEqual(DEDUPE.copyMinContainment);
    expect(v.same).toBe(false);
  });

  it('reads "hôm nay" as the day the copy was published, and only that day', () => {
    const today = todayCopy;
    const at = (published: string | null) =>
      compareFingerprints(fingerprint(today.lead, today.body, undefined, today.title, published), fp(first));
    expect(at('2026-03-12T08:30:00+07:00')).toMatchObject({ same: true, basis: 'expanded copy' });
    // Without the day, or on another day, the first report's 12/3 is a figure the copy dropped.
    expect(at(null)).toMatchObject({ same: false, basis: 'new facts in the lead' });
    expect(at('2026-03-13T08:30:00+07:00')).toMatchObject({ same: false, basis: 'new facts in the lead' });
  });
});
