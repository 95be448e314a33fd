// The new-facts part of the same-story rule (src/dedupe/lead-facts.ts, same-story.ts): a templated
// column of another day and a follow-up stay apart whatever their length; a copy — retitled,
// trimmed, re-credited — still merges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEDUPE } from '../../config/dedupe.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { newFacts, sameTemplate, storyFacts, titleNumbersDisagree } from '../../src/dedupe/lead-facts.js';
import { compareFingerprints } from '../../src/dedupe/same-story.js';

interface Piece {
  title: string;
  lead: string;
  body: string[];
}

interface Day {
  d: number;
  m: number;
  buy: number;
  delta: number;
  world: number;
}

// A gold-price column of our own: every sentence recurs daily but for its date and figures.
function column(x: Day): Piece {
  return {
    title: `Giá vàng hôm nay ${x.d}/${x.m}: vàng miếng tăng ${x.delta} nghìn đồng`,
    lead: `Sáng ${x.d}/${x.m}, giá vàng miếng được niêm yết ở mức ${x.buy},5 triệu đồng/lượng, tăng ${x.delta} nghìn đồng so với phiên trước.`,
    body: [
      `Giá vàng nhẫn tròn trơn cũng được điều chỉnh theo cùng chiều. Chênh lệch giữa giá mua và giá bán vẫn được các doanh nghiệp giữ ở mức cao để phòng ngừa rủi ro khi thị trường biến động mạnh.`,
      `Trên thị trường thế giới, giá vàng giao ngay đứng ở mức ${x.world} USD/ounce. Quy đổi theo tỷ giá niêm yết tại các ngân hàng thương mại, giá vàng thế giới vẫn thấp hơn giá trong nước.`,
      'Giới phân tích cho rằng diễn biến lãi suất của các ngân hàng trung ương lớn cùng nhu cầu trú ẩn an toàn sẽ tiếp tục chi phối giá kim loại quý trong những phiên tới.',
      'Các chuyên gia khuyến cáo người dân thận trọng khi mua bán vàng, tránh mua theo tâm lý đám đông và nên lựa chọn những cơ sở kinh doanh có uy tín để bảo đảm quyền lợi.',
    ],
  };
}

const fp = (p: Piece) => fingerprint(p.lead, p.body, undefined, p.title);

const day = fc.record({
  d: fc.integer({ min: 1, max: 28 }),
  m: fc.integer({ min: 1, max: 12 }),
  buy: fc.integer({ min: 110, max: 130 }),
  delta: fc.integer({ min: 1, max: 9 }).map((x) => x * 100),
  world: fc.integer({ min: 2300, max: 2450 }),
});

describe('new facts in the title and lead', () => {
  it('reads figures with their separators, a date as one fact, names past the first word', () => {
    const f = storyFacts('Tin ngày 02/07', 'Sáng 2/7, ông Kim Tae-hoon cho biết 28.500 binh sĩ.', []);
    const g = storyFacts('', 'x', ['Ngày 2/7 có 28,500 binh sĩ; Kim Tae-hoon nói.']);
    // Everything f leads with is in g's text: 2/7 = 02/07, 28.500 = 28,500, the name's syllables.
    expect(newFacts(f.lead, g.known)).toEqual({ numbers: 0, names: 0 });
    const other = storyFacts('', 'x', ['Ngày 27/6 có 2 và 7 binh sĩ.']);
    expect(newFacts(f.lead, other.known).numbers).toBeGreaterThanOrEqual(2); // 2/7 is not 2 and 7
    expect(newFacts(f.lead, other.known).names).toBe(3); // Kim, Tae, hoon
  });

  it('does not count a sentence-initial word, the headline names or the beat countries as new actors', () => {
    const known = storyFacts('', 'x', ['một văn bản không tên']).known;
    const lead = (l: string, title = '') => newFacts(storyFacts(title, l, []).lead, known).names;
    expect(lead('Theo truyền thông Hàn Quốc, hai bên nhất trí.')).toBe(0);
    expect(lead('Báo chí quốc tế đưa tin: Seoul và Washington nói gì?', 'Seoul và Washington nói gì?')).toBe(0);
    expect(lead('Daniel Whitmore, nghị sĩ, lên tiếng.')).toBe(2);
  });

  it('tells one template on two days (titles with numbers on both sides) from a follow-up', () => {
    const a = storyFacts('Giá vàng 1/7', 'x', []);
    const b = storyFacts('Giá vàng 2/7', 'x', []);
    const c = storyFacts('Diễn biến mới', 'x', []);
    expect(titleNumbersDisagree(a.lead, b.lead)).toBe(true);
    expect(titleNumbersDisagree(a.lead, c.lead)).toBe(false);
  });

  it("a retitled copy whose headline moved one of the text's figures is not another day (property)", () => {
    fc.assert(
      fc.property(day, (x) => {
        const original = column(x);
        // The republisher's headline states the world price instead of the day; its lead names the
        // source. Every figure of either text is in the other: no figure differs.
        const copy: Piece = {
          ...original,
          title: `Giá vàng hôm nay: vàng miếng tăng, thế giới ${x.world} đồng`,
          lead: `${original.lead.replace(/\.$/, '')}, theo Công ty Vàng bạc Phú Quý.`,
        };
        const [a, b] = [fp(original), fp(copy)];
        // To the headlines alone, one template on two days…
        expect(titleNumbersDisagree(b.facts.lead, a.facts.lead)).toBe(true);
        expect(sameTemplate(b.facts.lead, a.facts.lead)).toBe(true);
        const v = compareFingerprints(b, a);
        expect(v.newFacts?.names).toBeGreaterThanOrEqual(DEDUPE.minNewNames);
        // …but no figure differs: a copy.
        expect(v.related).not.toBe('same-series');
        expect(v.same).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a forecast of the next day stays apart though the day before named its date and figures (property)', () => {
    // Our own forecast column: each day names tomorrow, so the next day's lead states nothing the
    // day before lacks; only the headlines' dates tell the two days apart.
    const forecast = (d: number, hi: number, next: number): Piece => ({
      title: `Dự báo thời tiết ${d}/6: nắng nóng kéo dài`,
      lead: `Ngày ${d}/6, khu vực đồng bằng có nắng nóng, nhiệt độ cao nhất ${hi} độ C.`,
      body: [
        `Sang ngày ${d + 1}/6, nắng nóng tiếp tục, nhiệt độ cao nhất khoảng ${next} độ C, chiều tối có thể có mưa rào và dông vài nơi.`,
        'Cơ quan khí tượng khuyến cáo người dân hạn chế ra ngoài vào buổi trưa, uống đủ nước và chú ý phòng tránh sét, lốc và gió giật mạnh trong cơn dông.',
        'Ở vùng núi phía bắc, trời nhiều mây, có mưa rào rải rác; khu vực ven biển gió nhẹ, biển êm, tàu thuyền hoạt động bình thường.',
        'Nhiệt độ thấp nhất về đêm phổ biến từ hai mươi sáu đến hai mươi tám độ, độ ẩm không khí thấp nhất vào buổi chiều.',
      ],
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 27 }), fc.integer({ min: 33, max: 39 }), (d, hi) => {
        const today = forecast(d, hi, hi + 1);
        const tomorrow = forecast(d + 1, hi + 1, hi);
        tomorrow.body[0] = tomorrow.body[0]!.replace(`${d + 2}/6`, `${d + 2}/6 (sau ngày ${d}/6 nóng ${hi} độ C)`);
        const v = compareFingerprints(fp(tomorrow), fp(today));
        expect(v.newFacts).toEqual({ numbers: 0, names: 0 }); // nothing new to the day before…
        expect(v).toMatchObject({ same: false, basis: 'headlines of two days', related: 'same-series' }); // …two days
      }),
      { numRuns: 50 },
    );
  });

  it('two renderings of one template with different dates and figures are never merged (property)', () => {
    fc.assert(
      fc.property(day, day, (x, y) => {
        fc.pre(x.d !== y.d || x.m !== y.m);
        const [a, b] = [fp(column(x)), fp(column(y))];
        expect(Math.max(a.shingles, b.shingles)).toBeGreaterThanOrEqual(DEDUPE.shortTextShingles);
        const v = compareFingerprints(b, a);
        expect(v.same).toBe(false);
        expect(v.related).toBe('same-series');
      }),
      { numRuns: 300 },
    );
  });

  it('a copy that is retitled, trimmed, prefixed and re-credited is merged (property)', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('Cập nhật thị trường vàng', 'Vàng biến động mạnh'),
        fc.constantFrom('TTXVN - ', '(Dân trí) - ', ''),
        fc.boolean(),
        (x, drop, title, prefix, byline) => {
          const o = column(x);
          const copy: Piece = {
            title,
            lead: prefix + o.lead,
            body: [...o.body.slice(0, o.body.length - drop), ...(byline ? ['Minh Anh (theo Reuters)'] : [])],
          };
          const v = compareFingerprints(fp(copy), fp(o));
          expect(v.same).toBe(true);
          expect(v.related).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a follow-up whose lead states new figures and a new actor is its own story, related to the first', () => {
    const first = column({ d: 1, m: 7, buy: 120, delta: 300, world: 2400 });
    const followUp: Piece = {
      title: 'Diễn biến mới trên thị trường vàng',
      lead: 'Chiều cùng ngày, Thống đốc Park Ji-won cho biết sẽ bán thêm 3.400 lượng vàng để bình ổn thị trường.',
      body: [first.lead, ...first.body],
    };
    const v = compareFingerprints(fp(followUp), fp(first));
    expect(v.jaccard).toBeGreaterThan(DEDUPE.minJaccard); // the shingles alone would merge them
    expect(v).toMatchObject({ same: false, basis: 'new facts in the lead', related: 'follow-up' });
    // The first report claimed after its follow-up adds nothing the follow-up lacks: it merges.
    expect(compareFingerprints(fp(first), fp(followUp)).same).toBe(true);
  });
});
