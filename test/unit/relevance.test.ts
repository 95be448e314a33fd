// The topic classifier judges what a story is about. Each class of error seen on real news
// (issue 22) has a case here, written in this project's own words.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/errors.js';
import { lineOfField, loadTopicProfiles, parseTopicProfile, TOPICS_DIR } from '../../config/load-topics.js';
import { parseWatchlist } from '../../config/load-watchlist.js';
import { classifyRelevance } from '../../src/relevance/classify-relevance.js';
import { explainRelevance } from '../../src/relevance/explain-relevance.js';
import { PhraseMatcher } from '../../src/relevance/phrase-matcher.js';
import { splitSentences } from '../../src/relevance/sentences.js';

const doc = (title: string, ...body: string[]) => ({ title, lead: null, body });
const verdict = (title: string, ...body: string[]) => classifyRelevance(doc(title, ...body)).verdict;

describe('classifyRelevance: stories about the alliance', () => {
  it.each([
    ['joint drills', 'Mỹ và Hàn Quốc rút ngắn thời gian tập trận chung'],
    ['USFK names the alliance by itself', 'Tư lệnh USFK: Triều Tiên là mối đe dọa ngày càng lớn'],
    ['Trump–Kim framing with Korea paying the price', 'Ông Trump muốn thân với ông Kim, Seoul lo bị gạt ra ngoài'],
    ['transliterated capitals', 'Xơ-un và Oa-sinh-tơn nhất trí tăng cường răn đe trước Bình Nhưỡng'],
    ['US forces in Korea', 'Quốc hội giữ mức 28.500 binh sĩ thuộc Lực lượng Mỹ tại Hàn Quốc'],
    ['exercise named alone', 'Lá chắn tự do Ulchi khởi động với 19.000 quân'],
    ['a US warship in a Korean port', 'Tàu ngầm USS Kentucky cập cảng Busan'],
  ])('accepts %s from the headline alone', (_label, title) => {
    expect(verdict(title)).toBe('on');
  });

  it('accepts a bare excerpt whose first sentence states the relation (no title)', () => {
    const r = classifyRelevance({
      title: '',
      lead: null,
      body: [
        'Bộ trưởng Quốc phòng Hàn Quốc và người đồng cấp Mỹ nhất trí duy trì tập trận chung.Hai bên cũng bàn về răn đe mở rộng.',
      ],
    });
    expect(r.verdict).toBe('on');
  });

  it('accepts a story whose relation runs through the body though the title names only one ally', () => {
    expect(
      verdict(
        'Lầu Năm Góc cân nhắc điều chỉnh lực lượng ở châu Á',
        'Mỹ có thể rút một phần binh sĩ đồn trú tại Hàn Quốc, theo các quan chức.',
        'Seoul nói chưa nhận được thông báo về việc rút quân Mỹ.',
        'Hai nước sẽ bàn vấn đề này tại hội nghị SCM tháng tới.',
      ),
    ).toBe('on');
  });
});

describe('classifyRelevance: hard negatives', () => {
  it.each([
    [
      'Korea–Japan defence with the trilateral in passing',
      'Bộ trưởng Quốc phòng Hàn Quốc và Nhật Bản hội đàm tại Tokyo',
      'Hai bên thảo luận về tranh chấp radar và trao đổi quân sự song phương.',
      'Cuối cuộc gặp, họ nhắc lại hợp tác ba bên Hàn-Mỹ-Nhật.',
    ],
    [
      'tariffs on allies',
      'Thuế quan Mỹ đẩy đồng minh Nhật, Hàn vào nguy cơ suy thoái',
      'Xuất khẩu ô tô và chip của hai nước sụt mạnh.',
    ],
    [
      'tariff lead that says ally',
      'Seoul xin giảm thuế ô tô',
      'Hàn Quốc, một đồng minh của Mỹ, muốn mức thuế quan thấp hơn cho xe xuất khẩu.',
    ],
    [
      "a star's enlistment that mentions the US",
      'Nam ca sĩ Hàn Quốc nhập ngũ sau chuyến lưu diễn ở Mỹ',
      'Anh sẽ phục vụ 18 tháng trong quân đội theo luật nghĩa vụ quân sự.',
    ],
    [
      'a US carrier visiting Vietnam after Korea',
      'Tàu sân bay Mỹ thăm Đà Nẵng sau chuyến ghé Hàn Quốc',
      'Thủy thủ đoàn giao lưu với người dân thành phố.',
    ],
    [
      'an ROK-only navy item that mentions Mỹ',
      'Hải quân Hàn Quốc nhận tàu tuần tra tên lửa mới',
      'Con tàu do Hàn Quốc tự đóng, dài hơn loại tương tự của Mỹ.',
      'Hải quân Hàn Quốc sẽ bố trí tàu ở vùng biển phía Tây.',
    ],
    [
      'Korean arms industry',
      'Tiêm kích KF-21 bay thử thành công',
      'Không quân Hàn Quốc cho biết máy bay đạt tốc độ Mach 1,8.',
      'Chiếc máy bay lớn hơn F-16 của Mỹ một chút.',
    ],
    [
      'Korean economy quoting a US agency',
      'Kinh tế Hàn Quốc tăng trưởng chậm nhất 6 năm',
      'Theo hãng tin Bloomberg (Mỹ), GDP tăng 2%, xuất khẩu chip suy giảm.',
    ],
    [
      'Kim Jong-un in Beijing',
      'Ông Kim Jong-un thăm Bắc Kinh',
      'Nhà lãnh đạo Triều Tiên hội đàm với Chủ tịch Tập Cận Bình về hạt nhân và quan hệ với Mỹ.',
    ],
    [
      'Vietnam–Korea defence reported by VOA',
      'Việt Nam và Hàn Quốc đối thoại chính sách quốc phòng',
      'Theo Đài Tiếng nói Hoa Kỳ (VOA), hai thứ trưởng quốc phòng họp tại Seoul.',
    ],
    [
      'US–North Korea diplomacy without the alliance',
      'Ông Trump xác nhận sẽ gặp ông Kim Jong-un',
      'Nhà Trắng nói cuộc gặp có thể diễn ra cuối năm.',
    ],
    ['cosmetics (mỹ phẩm is not Mỹ)', 'Hàn Quốc xuất khẩu mỹ phẩm kỷ lục', 'Ngành mỹ phẩm tăng trưởng mạnh.'],
  ])('refuses %s', (_label, title, ...body) => {
    const r = classifyRelevance(doc(title, ...body));
    expect(r.verdict, r.reason).toBe('off');
  });

  it('says in words why a story is off', () => {
    expect(classifyRelevance(doc('Hàn Quốc và Nhật Bản họp về GSOMIA', 'Mỹ hoan nghênh.')).reason).toMatch(
      /no defence act together|Japan/,
    );
    expect(classifyRelevance(doc('Triều Tiên phóng tên lửa', 'Bộ Tham mưu Hàn Quốc theo dõi.')).reason).toBe(
      'Korea-only defence, US not named',
    );
    expect(classifyRelevance(doc('Thuế quan Mỹ đẩy đồng minh Nhật, Hàn vào suy thoái')).reason).toMatch(
      /trade the main subject/,
    );
  });
});

describe('classifyRelevance: scores, band and explanation', () => {
  it('weights the title over the body', () => {
    const inTitle = classifyRelevance(doc('Hàn Quốc, Mỹ tập trận', 'Tin tức trong ngày.'));
    const inBody = classifyRelevance(doc('Tin tức trong ngày', 'Hàn Quốc, Mỹ tập trận.'));
    expect(inTitle.score).toBeGreaterThan(inBody.score);
  });

  it('writes a story just under the threshold as borderline, not dropped', () => {
    // Title relation 2 would be on (2 × 3 = 6); a third country in it halves it to 3, and one
    // more relation sentence in the body (1 × 2 lead) brings it into the band below 6.
    const r = classifyRelevance(
      doc('Mỹ, Hàn Quốc và Nhật Bản tập trận phòng thủ tên lửa', 'Hàn Quốc và Mỹ sẽ chia sẻ dữ liệu về an ninh.'),
    );
    expect(r.verdict).toBe('borderline');
    expect(r.onTopic).toBe(true);
    expect(r.reason).toMatch(/near the threshold/);
  });

  it('explains each profile with the sentences that decided', () => {
    const text = explainRelevance(doc('Mỹ và Hàn Quốc tập trận chung', 'Trời nắng.'), ['korea-us-defence']);
    expect(text).toMatch(/^korea-us-defence: ON — Korea–US defence relation in the title or lead/);
    expect(text).toContain('title ×3, relation 2: Mỹ và Hàn Quốc tập trận chung');
    expect(text).not.toContain('Trời nắng');
  });
});

describe('topic profiles are configuration', () => {
  it('loads every shipped profile; the example second profile is off until enabled', () => {
    const all = loadTopicProfiles();
    expect(all.get('korea-us-defence')?.enabled).toBe(true);
    expect(all.get('korea-japan-security')?.enabled).toBe(false);
  });

  it('a second profile judges its own relationship with no code', () => {
    const story = doc(
      'Hàn Quốc và Nhật Bản khôi phục GSOMIA',
      'Hai nước chia sẻ tình báo quân sự về tên lửa Triều Tiên.',
    );
    expect(classifyRelevance(story, 'korea-japan-security').verdict).toBe('on');
    expect(classifyRelevance(story, 'korea-us-defence').verdict).toBe('off');
  });

  it('a bad profile fails naming file, line and field', () => {
    const text = JSON.stringify(
      { ...JSON.parse(JSON.stringify(loadTopicProfiles().get('korea-us-defence'))), threshold: -1 },
      null,
      2,
    );
    const line = text.split('\n').findIndex((l) => l.includes('"threshold"')) + 1;
    expect(() => parseTopicProfile(text, 'config/topics/x.json')).toThrow(
      new RegExp(`config/topics/x\\.json:${line}: threshold:`),
    );
    expect(() => parseTopicProfile('{\n  "name": "x",\n  oops\n}', 'config/topics/x.json')).toThrow(ConfigError);
    expect(() => parseTopicProfile('{\n  "name": "x",\n  oops\n}', 'config/topics/x.json')).toThrow(
      /x\.json:3: not valid JSON/,
    );
  });

  it('refuses a file whose name differs from its profile name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tw-topics-'));
    const p = loadTopicProfiles(TOPICS_DIR).get('korea-us-defence')!;
    writeFileSync(path.join(dir, 'other.json'), JSON.stringify(p));
    expect(() => loadTopicProfiles(dir)).toThrow(/must match the file name/);
  });

  it('finds the line of a nested field', () => {
    expect(lineOfField('{\n "a": {\n  "b": 1\n }\n}', ['a', 'b'])).toBe(3);
  });

  it('rules can be scoped to an enabled profile, and only to one that exists', () => {
    const w = (profile: string) => ({
      channels: { log: { type: 'log' } },
      rules: [{ name: 'r', query: 'USFK', channels: ['log'], profile }],
    });
    expect(parseWatchlist(w('korea-us-defence')).rules[0]!.profile).toBe('korea-us-defence');
    expect(() => parseWatchlist(w('korea-japan-security'))).toThrow(/rule "r" profile: no enabled topic profile/);
  });
});

describe('splitSentences', () => {
  it('splits on stops, lost spaces after stops, bars and newlines; not inside numbers', () => {
    expect(splitSentences('Một câu.Hai câu! Ba 1.8 km | Bốn\nNăm')).toEqual([
      'Một câu.',
      'Hai câu!',
      'Ba 1.8 km',
      'Bốn',
      'Năm',
    ]);
  });

  it('keeps every letter, in order, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'ộ', '.', ' ', '\n', '|', '!', '1', '"') }), (s) => {
        const parts = splitSentences(s);
        expect(parts.every((p) => p.length > 0 && p === p.trim())).toBe(true);
        const letters = (x: string) => x.replace(/[\s|]/g, '');
        expect(letters(parts.join(''))).toBe(letters(s));
      }),
    );
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
