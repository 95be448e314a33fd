// Seeded generator of recurring templated columns, written here (no outlet's text): the gold
// price, the lottery draw, the exchange rate, the weather and the lunar-calendar page. Each
// column is long (well over 100 shingles: the short-text rule never applies) and each day's piece
// shares every sentence with the day before but for its dates and figures — in the title, the lead
// and the body alike. Two days of one column are different stories; a republished copy of one day
// (prefix, byline, trim, reworded sentences, a headline without the date) is the same story.
import type { EvalArticle } from './own-eval-set.js';
import { pick, type Rand } from './seeded-random.js';

export interface SeriesDay {
  d: number;
  m: number;
  y: number;
}

type Figures = Record<string, string>;

interface Column {
  name: string;
  figures: (r: Rand, day: SeriesDay) => Figures;
  title: string;
  lead: string;
  paragraphs: string[];
}

const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const thousands = (n: number): string => n.toLocaleString('de-DE');
const digits = (r: Rand, n: number): string => Array.from({ length: n }, () => int(r, 0, 9)).join('');

const PLACES = ['Hà Nội', 'Hải Phòng', 'Nam Định', 'Bắc Ninh', 'Quảng Ninh', 'Thái Bình'];
const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

export const COLUMNS: Column[] = [
  {
    name: 'gold price',
    figures: (r) => {
      const buy = int(r, 1150, 1250);
      return {
        buy: (buy / 10).toFixed(1).replace('.', ','),
        sell: ((buy + int(r, 15, 30)) / 10).toFixed(1).replace('.', ','),
        delta: String(int(r, 1, 9) * 100),
        dir: pick(r, ['tăng', 'giảm']),
        ring: String(int(r, 105, 118)),
        world: thousands(int(r, 2300, 2450)),
        gap: String(int(r, 8, 19)),
      };
    },
    title: 'Giá vàng hôm nay {d}/{m}: vàng miếng {dir} {delta} nghìn đồng mỗi lượng',
    lead: 'Sáng {d}/{m}, giá vàng miếng được niêm yết ở mức {buy} - {sell} triệu đồng/lượng (mua vào - bán ra), {dir} {delta} nghìn đồng so với phiên trước.',
    paragraphs: [
      'Giá vàng nhẫn tròn trơn cũng được điều chỉnh theo cùng chiều, giao dịch quanh mức {ring} triệu đồng/lượng ở chiều bán ra. Chênh lệch giữa giá mua và giá bán vẫn được các doanh nghiệp giữ ở mức cao để phòng ngừa rủi ro khi thị trường biến động mạnh.',
      'Trên thị trường thế giới, giá vàng giao ngay đứng ở mức {world} USD/ounce. Quy đổi theo tỷ giá niêm yết tại các ngân hàng thương mại, giá vàng thế giới vẫn thấp hơn giá vàng miếng trong nước khoảng {gap} triệu đồng mỗi lượng.',
      'Giới phân tích cho rằng diễn biến lãi suất của các ngân hàng trung ương lớn cùng nhu cầu trú ẩn an toàn sẽ tiếp tục chi phối giá kim loại quý trong những phiên tới. Người mua được khuyên theo dõi sát thông tin kinh tế vĩ mô trước khi quyết định.',
      'Các chuyên gia khuyến cáo người dân thận trọng khi mua bán vàng trong thời điểm giá biến động, tránh mua theo tâm lý đám đông và nên lựa chọn những cơ sở kinh doanh có uy tín để bảo đảm quyền lợi của mình.',
    ],
  },
  {
    name: 'lottery draw',
    figures: (r) => ({
      special: digits(r, 5),
      first: digits(r, 5),
      second: `${digits(r, 5)} - ${digits(r, 5)}`,
      third: `${digits(r, 5)} - ${digits(r, 5)} - ${digits(r, 5)}`,
      seventh: `${digits(r, 2)} - ${digits(r, 2)} - ${digits(r, 2)} - ${digits(r, 2)}`,
      place: pick(r, PLACES),
    }),
    title: 'Kết quả xổ số miền Bắc ngày {d}/{m}/{y}',
    lead: 'Kết quả xổ số miền Bắc mở thưởng ngày {d}/{m}/{y} tại {place}: giải đặc biệt {special}, giải nhất {first}.',
    paragraphs: [
      'Giải nhì gồm các số {second}. Giải ba gồm các số {third}. Giải bảy gồm các số {seventh}. Kết quả được cập nhật trực tiếp từ trường quay ngay sau khi buổi quay số kết thúc.',
      'Người trúng thưởng cần giữ vé nguyên vẹn, không rách rời hay chắp vá, và mang vé cùng giấy tờ tùy thân đến công ty xổ số kiến thiết để làm thủ tục nhận giải trong thời hạn ba mươi ngày kể từ ngày mở thưởng.',
      'Người trúng giải có giá trị lớn phải nộp thuế thu nhập cá nhân theo quy định hiện hành trên phần giá trị vượt mức được miễn. Công ty khuyến cáo người chơi chỉ mua vé tại các đại lý chính thức để tránh mua phải vé giả.',
      'Kết quả trên chỉ mang tính chất tham khảo. Người chơi vui lòng đối chiếu với kết quả chính thức do hội đồng giám sát xổ số công bố trước khi đến nhận thưởng.',
    ],
  },
  {
    name: 'exchange rate',
    figures: (r) => {
      const central = int(r, 24000, 24300);
      return {
        central: thousands(central),
        buy: thousands(central + int(r, 900, 1100)),
        sell: thousands(central + int(r, 1150, 1300)),
        delta: String(int(r, 2, 40)),
        dir: pick(r, ['tăng', 'giảm']),
        euro: thousands(int(r, 26000, 28500)),
        yen: String(int(r, 160, 175)),
        dxy: (int(r, 1010, 1060) / 10).toFixed(1).replace('.', ','),
      };
    },
    title: 'Tỷ giá USD hôm nay {d}/{m}: tỷ giá trung tâm {dir} {delta} đồng',
    lead: 'Sáng {d}/{m}, Ngân hàng Nhà nước công bố tỷ giá trung tâm ở mức {central} đồng/USD, {dir} {delta} đồng so với phiên trước.',
    paragraphs: [
      'Tại các ngân hàng thương mại, giá đồng bạc xanh được niêm yết ở mức {buy} - {sell} đồng/USD (mua vào - bán ra). Trên thị trường tự do, giá mua bán đồng USD nhìn chung đi ngang so với cuối tuần trước.',
      'Đồng euro được giao dịch quanh mức {euro} đồng ở chiều bán ra, trong khi đồng yen ở mức {yen} đồng. Chỉ số đo sức mạnh của đồng USD so với rổ sáu đồng tiền chủ chốt đứng ở mức {dxy} điểm.',
      'Giới phân tích nhận định áp lực lên tỷ giá trong nước vẫn còn trong ngắn hạn, khi chênh lệch lãi suất giữa đồng nội tệ và đồng USD chưa thu hẹp. Cơ quan quản lý cho biết sẵn sàng can thiệp để ổn định thị trường ngoại hối khi cần thiết.',
      'Doanh nghiệp có nghĩa vụ thanh toán bằng ngoại tệ được khuyến nghị chủ động các công cụ phòng ngừa rủi ro tỷ giá, thay vì chờ đợi diễn biến của thị trường trong những tuần tới.',
    ],
  },
  {
    name: 'weather',
    figures: (r) => {
      const lo = int(r, 14, 27);
      return {
        lo: String(lo),
        hi: String(lo + int(r, 4, 9)),
        lo2: String(lo + int(r, 3, 6)),
        hi2: String(lo + int(r, 8, 13)),
        rain: String(int(r, 20, 90)),
        wind: String(int(r, 2, 5)),
      };
    },
    title: 'Dự báo thời tiết ngày {d}/{m}: Hà Nội {lo} - {hi} độ C',
    lead: 'Theo cơ quan khí tượng, ngày {d}/{m} Hà Nội có mây, nhiệt độ thấp nhất {lo} độ C, cao nhất {hi} độ C; khả năng có mưa rào khoảng {rain} %.',
    paragraphs: [
      'Khu vực phía Tây Bắc Bộ có mưa rào và dông vài nơi, gió nhẹ. Vùng núi có nơi có sương mù vào sáng sớm, tầm nhìn xa có lúc giảm. Người tham gia giao thông trên các tuyến đèo cần chú ý giảm tốc độ.',
      'Các tỉnh Nam Bộ ngày nắng, chiều tối có mưa rào và dông rải rác, nhiệt độ từ {lo2} đến {hi2} độ C. Trong cơn dông có khả năng xảy ra lốc, sét và gió giật mạnh, gió đông nam cấp {wind}.',
      'Cơ quan khí tượng khuyến cáo người dân theo dõi các bản tin cập nhật, chủ động phòng tránh các hiện tượng thời tiết nguy hiểm như lốc, sét, mưa đá và gió giật mạnh có thể gây thiệt hại cho sản xuất nông nghiệp và nhà cửa.',
      'Trên biển, vùng biển phía bắc có mưa rào rải rác, sóng cao từ một đến hai mét. Tàu thuyền hoạt động trên biển cần thường xuyên liên lạc với đất liền để nhận thông tin kịp thời.',
    ],
  },
  {
    name: 'lunar calendar',
    figures: (r, day) => ({
      ld: String(((day.d + 4) % 30) + 1),
      lm: String(((day.m + 10) % 12) + 1),
      canchi: `${pick(r, CAN)} ${pick(r, CHI)}`,
      hours: `${pick(r, CHI)}, ${pick(r, CHI)}, ${pick(r, CHI)}`,
      age: `${pick(r, CAN)} ${pick(r, CHI)}`,
      star: String(int(r, 1, 28)),
    }),
    title: 'Lịch âm hôm nay {d}/{m}/{y}: ngày {ld} tháng {lm} âm lịch',
    lead: 'Hôm nay {d}/{m}/{y} dương lịch, tức ngày {ld} tháng {lm} âm lịch, là ngày {canchi}; giờ hoàng đạo gồm {hours}.',
    paragraphs: [
      'Theo quan niệm dân gian, ngày này hợp với các việc như cầu an, thăm hỏi người thân, khai trương cửa hàng nhỏ. Người tuổi {age} nên cân nhắc khi khởi công việc lớn hoặc ký kết giấy tờ quan trọng trong ngày.',
      'Sao chiếu mệnh của ngày là sao thứ {star} trong nhị thập bát tú. Hướng xuất hành tốt để đón tài lộc là hướng đông nam, hướng đón hỷ thần là hướng tây bắc.',
      'Lịch âm dương được tổng hợp từ các tài liệu lịch pháp phổ biến, nhằm giúp bạn đọc tiện theo dõi các ngày lễ, ngày giỗ và những dịp quan trọng trong năm của gia đình.',
      'Các thông tin về ngày tốt, ngày xấu chỉ mang tính chất tham khảo, thể hiện nét văn hóa truyền thống. Bạn đọc không nên quá phụ thuộc vào đó khi đưa ra các quyết định trong cuộc sống.',
    ],
  },
];

function fill(template: string, f: Figures): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => f[k] ?? `{${k}}`);
}

/** One column's piece for one day. */
export function renderColumn(c: Column, day: SeriesDay, r: Rand, id: string): EvalArticle {
  const f: Figures = { ...c.figures(r, day), d: String(day.d), m: String(day.m), y: String(day.y) };
  return {
    id,
    onTopic: false,
    kind: `series:${c.name}`,
    event: null,
    title: fill(c.title, f),
    lead: fill(c.lead, f),
    paragraphs: c.paragraphs.map((p) => fill(p, f)),
  };
}

/** Consecutive days from a start date (days 1–28 of each month, so every date exists). */
export function seriesDays(count: number, start: SeriesDay = { d: 25, m: 6, y: 2026 }): SeriesDay[] {
  const out: SeriesDay[] = [];
  let { d, m, y } = start;
  for (let i = 0; i < count; i++) {
    out.push({ d, m, y });
    d++;
    if (d > 28) [d, m] = [1, m + 1];
    if (m > 12) [m, y] = [1, y + 1];
  }
  return out;
}

/** `days` pieces of every column, in publishing order. */
export function generateSeries(r: Rand, days = 8): EvalArticle[] {
  return COLUMNS.flatMap((c) =>
    seriesDays(days).map((day, i) => renderColumn(c, day, r, `${c.name.replace(/ /g, '-')}-${i + 1}`)),
  );
}

/** Pairs of one column that must stay apart: each day against the next, and the first against the fifth. */
export function seriesPairs(
  series: readonly EvalArticle[],
): { id: string; kind: string; a: EvalArticle; b: EvalArticle }[] {
  const out: { id: string; kind: string; a: EvalArticle; b: EvalArticle }[] = [];
  for (const c of COLUMNS) {
    const days = series.filter((x) => x.kind === `series:${c.name}`);
    const pair = (a: EvalArticle, b: EvalArticle): void => {
      out.push({ id: `${a.id}|${b.id}`, kind: `templated series: ${c.name}`, a, b });
    };
    for (let i = 0; i + 1 < days.length; i++) pair(days[i]!, days[i + 1]!);
    if (days.length >= 5) pair(days[0]!, days[4]!);
  }
  return out;
}
