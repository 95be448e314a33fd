// A report of the project's own and versions of it, shared by the expanded-copy tests
// (test/unit/dedupe-expanded-copy.test.ts) and `dedupe compare` on the command line.
export interface Piece {
  title: string;
  lead: string;
  body: string[];
}

export const LEAD =
  'Ngày 12/3, Bộ Quốc phòng cho biết lực lượng hai nước sẽ tiến hành cuộc tập trận chung Lá chắn Tự do kéo dài 11 ngày tại Pyeongtaek';
export const BODY = [
  'Cuộc tập trận năm nay tập trung vào phòng thủ tên lửa, bảo vệ hạ tầng trọng yếu và phối hợp giữa các quân chủng trong tình huống khẩn cấp.',
  'Các đơn vị sẽ luyện tập cả trên thực địa lẫn trên máy tính, với các kịch bản được xây dựng dựa trên những mối đe dọa mới trong khu vực.',
  'Giới chức quân sự nhấn mạnh đây là hoạt động mang tính phòng thủ, được tổ chức định kỳ hằng năm và đã được thông báo trước cho các bên liên quan.',
];
export const MORE = [
  'Theo kế hoạch, giai đoạn đầu sẽ diễn ra tại các căn cứ ven biển, trước khi các đơn vị cơ động chuyển sang khu vực huấn luyện ở miền trung.',
  'Người dân sống gần khu vực diễn tập được khuyến cáo theo dõi thông báo của chính quyền địa phương về lịch trình di chuyển của xe quân sự.',
];

// The first, trimmed report, indexed first.
export const first: Piece = { title: 'Hai nước tập trận chung Lá chắn Tự do', lead: `${LEAD}.`, body: BODY };

/** A later, longer version published on 12/3 that says "hôm nay" where the first report gave the date. */
export const todayCopy: Piece = {
  title: 'Khởi động tập trận chung quy mô lớn',
  lead: `${LEAD.replace('Ngày 12/3', 'Hôm nay')}, với sự tham gia của 19.000 binh sĩ.`,
  body: [...BODY, ...MORE],
};
