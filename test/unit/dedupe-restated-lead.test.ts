// The restated-lead part of the same-story rule (src/dedupe/same-story.ts step 6,
// src/dedupe/restated-lead.ts): a copy whose lead was rewritten around a name the original left
// out merges; the same lead with a new figure, and a follow-up whose lead is new text, stay apart.
// The texts are the project's own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEDUPE } from '../../config/dedupe.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { restatedLeadShare } from '../../src/dedupe/restated-lead.js';
import { compareFingerprints } from '../../src/dedupe/same-story.js';

interface Piece {
  title: string;
  lead: string;
  body: string[];
}

const fp = (p: Piece) => fingerprint(p.lead, p.body, undefined, p.title);

const BODY = [
  'Buổi trình diễn tối 19/5 thu hút đông đảo người dân và du khách dừng chân theo dõi, nhiều người tranh thủ chụp ảnh cùng các người mẫu sau phần biểu diễn.',
  'Bộ sưu tập gồm những mẫu áo dài cưới được may từ lụa tơ tằm, thêu tay họa tiết hoa sen và chim lạc, kết hợp cùng khăn voan dài chấm gót.',
  'Ban tổ chức cho biết chương trình nằm trong chuỗi hoạt động quảng bá văn hóa truyền thống, được tổ chức định kỳ vào cuối tuần trong suốt mùa hè.',
  'Sau phần trình diễn, khán giả được hướng dẫn cách phân biệt chất liệu lụa thật và lụa pha, cũng như cách bảo quản áo dài đúng cách tại nhà.',
];

const first: Piece = {
  title: 'Người mẫu trình diễn áo dài cưới trên phố đi bộ',
  lead: 'Tối 19/5, người mẫu Lan Chi rạng rỡ trình diễn bộ sưu tập áo dài cưới trong show thời trang trên phố đi bộ Nguyễn Huệ.',
  body: BODY,
};

// The republisher's lead: the original's words, the date moved to the body, the designer named.
const renamed: Piece = {
  title: 'Lan Chi rạng rỡ với áo dài cưới',
  lead: 'Người mẫu Lan Chi rạng rỡ trình diễn bộ sưu tập áo dài cưới của nhà thiết kế Trịnh Bảo Ngọc trong show thời trang trên phố đi bộ Nguyễn Huệ.',
  body: BODY,
};

describe('the same-story rule: a lead rewritten around a name', () => {
  it('merges a copy whose lead names what the original left out', () => {
    const v = compareFingerprints(fp(renamed), fp(first));
    expect(v.newFacts).toEqual({ numbers: 0, names: 3 }); // trinh, bao, ngoc…
    expect(v.leadShare).toBeGreaterThanOrEqual(DEDUPE.copyMinLeadRestated); // …in the original's words
    expect(v).toMatchObject({ same: true, basis: 'restated lead', related: null });
  });

  it('keeps apart the same lead when it also states a new figure (an update)', () => {
    const update = { ...renamed, lead: renamed.lead.replace('bộ sưu tập', '12 mẫu của bộ sưu tập') };
    const v = compareFingerprints(fp(update), fp(first));
    expect(v.newFacts?.numbers).toBe(1);
    expect(v).toMatchObject({ same: false, related: 'follow-up' });
  });

  it("keeps apart a copy of the names that lost the original's date", () => {
    const undated = { ...renamed, body: BODY.map((p) => p.replace(' tối 19/5', '')) };
    expect(compareFingerprints(fp(undated), fp(first))).toMatchObject({ same: false, related: 'follow-up' });
  });

  it('keeps apart a follow-up whose lead is new text naming a new actor', () => {
    const followUp: Piece = {
      title: 'Diễn biến mới: người mẫu trình diễn áo dài cưới trên phố đi bộ',
      lead: 'Phản ứng trước chương trình, nghị sĩ Daniel Whitmore kêu gọi các bên kiềm chế và nối lại đối thoại.',
      body: [first.lead, ...BODY],
    };
    const v = compareFingerprints(fp(followUp), fp(first));
    expect(v.containment).toBeGreaterThanOrEqual(DEDUPE.copyMinContainment); // it holds the first report
    expect(v.leadShare).toBeLessThan(DEDUPE.copyMinLeadRestated);
    expect(v).toMatchObject({ same: false, basis: 'new facts in the lead', related: 'follow-up' });
  });

  it('reads the share between 0 and 1, more agreeing lead positions never less (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: DEDUPE.hashes }),
        fc.integer({ min: 0, max: DEDUPE.hashes }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y, mine, theirs, j) => {
          const [equal, at] = [Math.min(x, y), Math.max(x, y)];
          const share = restatedLeadShare(equal, at, mine, theirs, j);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          if (equal < at) expect(restatedLeadShare(equal + 1, at, mine, theirs, j)).toBeGreaterThanOrEqual(share);
        },
      ),
    );
    expect(restatedLeadShare(0, 0, 100, 100, 0.5)).toBe(0);
  });
});
