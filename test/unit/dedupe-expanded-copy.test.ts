// The expanded-copy part of the same-story rule (src/dedupe/same-story.ts, step 6): a later,
// longer version of a report whose lead restates the original's and adds a figure is a copy; a
// follow-up that leads with what is new, a version that changed the original's figures and another
// day of a column stay apart. The texts are the project's own.
import { describe, expect, it } from 'vitest';
import { DEDUPE } from '../../config/dedupe.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { compareFingerprints } from '../../src/dedupe/same-story.js';

interface Piece {
  title: string;
  lead: string;
  body: string[];
}

const fp = (p: Piece) => fingerprint(p.lead, p.body, undefined, p.title);

const LEAD =
  'Ngày 12/3, Bộ Quốc phòng cho biết lực lượng hai nước sẽ tiến hành cuộc tập trận chung Lá chắn Tự do kéo dài 11 ngày tại Pyeongtaek';
const BODY = [
  'Cuộc tập trận năm nay tập trung vào phòng thủ tên lửa, bảo vệ hạ tầng trọng yếu và phối hợp giữa các quân chủng trong tình huống khẩn cấp.',
  'Các đơn vị sẽ luyện tập cả trên thực địa lẫn trên máy tính, với các kịch bản được xây dựng dựa trên những mối đe dọa mới trong khu vực.',
  'Giới chức quân sự nhấn mạnh đây là hoạt động mang tính phòng thủ, được tổ chức định kỳ hằng năm và đã được thông báo trước cho các bên liên quan.',
];
const MORE = [
  'Theo kế hoạch, giai đoạn đầu sẽ diễn ra tại các căn cứ ven biển, trước khi các đơn vị cơ động chuyển sang khu vực huấn luyện ở miền trung.',
  'Người dân sống gần khu vực diễn tập được khuyến cáo theo dõi thông báo của chính quyền địa phương về lịch trình di chuyển của xe quân sự.',
];

// The first, trimmed report, indexed first.
const first: Piece = { title: 'Hai nước tập trận chung Lá chắn Tự do', lead: `${LEAD}.`, body: BODY };

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
});
