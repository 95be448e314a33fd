// The learned model's sentence-level cue interactions (src/relevance/sentence-cues.ts): which
// sentences name the allies together with an act, which name them beside North Korea only, and
// who the headline's subject is. Texts are this project's own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topicProfile } from '../../config/load-topics.js';
import { relevanceFeatures } from '../../src/relevance/relevance-features.js';
import { classifyByRules } from '../../src/relevance/rule-relevance.js';
import { sentenceIds } from '../../src/relevance/sentence-cues.js';
import { tokenSentences, splitSentences } from '../../src/relevance/sentences.js';
import { foldTokens, foldTokensWithSpans } from '../../src/text/vietnamese-fold.js';
import type { RelevanceInput } from '../../src/relevance/relevance-types.js';

const ids = (text: string): number[] => [...sentenceIds(text.normalize('NFC'), foldTokensWithSpans(text))];

function names(input: RelevanceInput): Set<string> {
  const profile = topicProfile();
  const f = relevanceFeatures(input, classifyByRules(input, profile.name), profile, 1 << 18);
  return new Set(f.index.map((_, i) => f.name(i)).filter((n) => !n.startsWith('w:')));
}

describe('sentence numbers of tokens', () => {
  it('a stop, "!" or "?" between tokens starts a sentence; a decimal point does not', () => {
    expect(ids('Mỹ tập trận. Hàn Quốc phản đối!')).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(ids('Giá tăng 1.8 lần; sau đó giảm')).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('never decrease and never outnumber the stops (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Mỹ', 'Hàn', 'quân', '.', '!', '1.5', ',', ' ', 'Triều'), { maxLength: 40 }),
        (parts) => {
          const text = parts.join(' ');
          const got = ids(text);
          const stops = (text.match(/[.!?…;]/g) ?? []).length;
          got.forEach((v, i) => i > 0 && expect(v).toBeGreaterThanOrEqual(got[i - 1]!));
          expect(got.length === 0 || got[got.length - 1]! <= stops).toBe(true);
        },
      ),
    );
  });
});

describe('sentences cut from the tokens of the whole text', () => {
  it('hold the tokens each sentence has alone, in order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Mỹ', 'Hàn', 'NHẬT', 'quân', '.', '!', '1.5', '|', '\n', ' ', 'Triều', '…', 'Sự'), {
          maxLength: 40,
        }),
        fc.boolean(),
        (parts, spaced) => {
          const text = parts.join(spaced ? ' ' : '');
          const got = tokenSentences(text);
          expect(got.map((x) => x.text)).toEqual(splitSentences(text.normalize('NFC')));
          for (const x of got) expect(x.tokens).toEqual(foldTokens(x.text));
        },
      ),
    );
  });
});

describe('cue interactions the model reads', () => {
  it('the alliance acting in one sentence, with the US or Korea as the headline subject', () => {
    const n = names({
      title: 'Mỹ và Hàn Quốc tập trận chung quy mô lớn',
      lead: 'Quân đội hai nước bắt đầu diễn tập trên không vào sáng nay.',
      body: ['Cuộc tập trận kéo dài hai tuần với hàng trăm máy bay.'],
    });
    expect(n.has('x:head:pair+act')).toBe(true);
    expect(n.has('subj:title:us')).toBe(true);
    expect(n.has('x:head:pair+context only')).toBe(false);
  });

  it('a North Korean accusation naming both allies with no act of theirs', () => {
    const n = names({
      title: 'Triều Tiên cáo buộc Mỹ và Hàn Quốc về vụ rải truyền đơn',
      lead: 'Bình Nhưỡng cho rằng Washington và Seoul đứng sau các nhóm đào tẩu.',
      body: ['Hãng thông tấn trung ương đăng bài bình luận dài về vụ việc.'],
    });
    expect(n.has('subj:title:north-korea')).toBe(true);
    expect(n.has('x:head:pair+context only')).toBe(true);
    expect(n.has('x:head:pair+act')).toBe(false);
  });

  it('one ally acting alone, and a third country objecting to the alliance', () => {
    const alone = names({
      title: 'Lầu Năm Góc cân nhắc phương án quân sự với Triều Tiên',
      lead: 'Quân đội Mỹ chuẩn bị nhiều kịch bản tác chiến.',
      body: ['Các chuyên gia cho rằng rủi ro rất lớn.'],
    });
    expect([...alone].some((x) => x.startsWith('x:head:us+context+act') || x.startsWith('x:head:us alone+act'))).toBe(
      true,
    );
    const objecting = names({
      title: 'Trung Quốc phản đối Mỹ và Hàn Quốc triển khai THAAD',
      lead: null,
      body: ['Bắc Kinh cho rằng hệ thống này đe dọa an ninh khu vực.'],
    });
    expect(objecting.has('x:head:pair+act+third')).toBe(true);
    expect(objecting.has('subj:title:china')).toBe(true);
  });

  it('frames a sentence: the accusation beside what it names, the summit in the title', () => {
    const accused = names({
      title: 'Triều Tiên cáo buộc Mỹ và Hàn Quốc về vụ rải truyền đơn',
      lead: 'Bình Nhưỡng lên án Washington và Seoul.',
      body: ['Hai bên chưa đáp lại.'],
    });
    expect(accused.has('x:head:statement&pair+context only')).toBe(true);
    expect(accused.has('subj:title:frame:statement')).toBe(true);
    const summit = names({
      title: 'Tổng thống Hàn Quốc công du Mỹ, hội đàm với ông Trump',
      lead: 'Hai nhà lãnh đạo bàn về liên minh và răn đe.',
      body: ['Chuyến thăm kéo dài ba ngày.'],
    });
    expect(summit.has('subj:title:frame:summit')).toBe(true);
    expect(summit.has('subj:title:frame:statement')).toBe(false);
  });

  it('the peninsula is a region for the model, not the ally', () => {
    const n = names({
      title: 'Mỹ điều thêm chiến đấu cơ tới bán đảo Triều Tiên',
      lead: 'Lầu Năm Góc cho biết các máy bay sẽ ở lại một tháng.',
      body: ['Không có bình luận nào thêm.'],
    });
    expect(n.has('x:head:pair+act')).toBe(false);
    expect(n.has('x:head:region&us alone+act')).toBe(true);
  });

  it('says how much of the story states the relation and how early', () => {
    const profileOf = (input: RelevanceInput): string[] =>
      [...names(input)].filter((x) => x.startsWith('first relation:'));
    expect(
      profileOf({
        title: 'Mỹ và Hàn Quốc tập trận chung',
        lead: 'Hai nước bắt đầu diễn tập.',
        body: ['Cuộc diễn tập kéo dài hai tuần.'],
      }),
    ).toEqual(['first relation:title or lead']);
    expect(
      profileOf({
        title: 'Giá xăng tăng mạnh',
        lead: 'Người dân Seoul lo lắng.',
        body: [
          'Giá dầu thế giới tăng. Thị trường biến động. Chứng khoán giảm. Đồng won yếu. Lạm phát tăng. Ngân hàng lo ngại. Mỹ và Hàn Quốc từng tập trận ở đây.',
        ],
      }),
    ).toEqual(['first relation:late']);
  });
});
