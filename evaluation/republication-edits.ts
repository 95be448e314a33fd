// How a wire copy differs from its original, as seeded edits: a wire prefix, a byline, a new title,
// a rewritten lead, added background or quotes, trimmed paragraphs, swapped words, tones stripped,
// spelling variants — alone and in the combinations real republications show.
import type { EvalArticle } from './own-eval-set.js';
import { pick, type Rand } from './seeded-random.js';

export const WIRE_PREFIXES = ['TTXVN - ', '(Dân trí) - ', 'VOV.VN - ', '(PLO)- ', 'VTV.vn - ', '(Chinhphu.vn) - '];
export const BYLINES = [
  'Minh Anh (TTXVN/Vietnam+)',
  'Thu Hằng (theo Yonhap)',
  'Hữu Chiến - Phóng viên TTXVN tại Seoul',
  'Ngọc Quang (tổng hợp)',
  'Theo Yonhap, Reuters',
  'Phạm Thị Lan biên dịch',
];
export const NEW_TITLES = [
  'Diễn biến mới trên bán đảo Triều Tiên',
  'Seoul và Washington nói gì?',
  'Tin quốc tế đáng chú ý trong ngày',
  'Cập nhật tình hình Đông Bắc Á',
];
// Rewritten leads: the editor's own sentence around the headline's words, in place of the wire's
// lead (no figures, so a short copy gains no number the original lacks).
export const LEAD_REWRITES = [
  '{t}, theo các nguồn tin ngoại giao.',
  'Theo truyền thông Hàn Quốc, {t}.',
  '{t} - thông tin được giới chức xác nhận.',
  'Báo chí quốc tế đưa tin: {t}.',
  '{t}, giới quan sát nhận định.',
];
export const BACKGROUND = [
  'Hiện Mỹ duy trì khoảng 28.500 binh sĩ tại Hàn Quốc theo Hiệp ước Phòng thủ chung ký năm 1953, sau khi Chiến tranh Triều Tiên kết thúc bằng một hiệp định đình chiến chứ không phải hiệp ước hòa bình.',
  'Quan hệ liên minh giữa hai nước được xem là trụ cột an ninh của khu vực Đông Bắc Á trong hơn bảy thập kỷ qua, dù đã trải qua nhiều giai đoạn thăng trầm.',
  'Bình Nhưỡng nhiều lần tuyên bố sẽ đáp trả mạnh mẽ mọi hành động mà họ coi là khiêu khích, đồng thời tiếp tục phát triển chương trình vũ khí của mình bất chấp các lệnh trừng phạt.',
  'Các chuyên gia cho rằng tình hình trên bán đảo sẽ còn diễn biến phức tạp trong thời gian tới, khi đối thoại giữa các bên vẫn chưa có dấu hiệu được nối lại.',
];
// Long statements two different stories can both quote in full (the hard case for a shingle
// measure: a shared run of 40–60 syllables).
export const QUOTES = [
  '"Chúng tôi sẽ tiếp tục phối hợp chặt chẽ với các đồng minh và đối tác để duy trì hòa bình, ổn định trên bán đảo Triều Tiên, đồng thời kiên quyết đáp trả mọi hành động khiêu khích làm tổn hại đến an ninh của khu vực", người phát ngôn nói trong cuộc họp báo thường kỳ.',
  '"Liên minh của chúng ta đã được thử thách qua nhiều thập kỷ và ngày càng vững mạnh hơn, không chỉ trong lĩnh vực quân sự mà còn trong kinh tế, công nghệ và giao lưu nhân dân giữa hai nước", vị quan chức phát biểu tại buổi lễ.',
  '"Mọi nỗ lực nhằm thay đổi hiện trạng bằng vũ lực đều không thể chấp nhận, và cộng đồng quốc tế cần đoàn kết để gửi đi một thông điệp rõ ràng rằng các hành vi vi phạm nghị quyết của Hội đồng Bảo an sẽ phải trả giá", tuyên bố chung viết.',
];
// Words an editor swaps in when rewording a sentence.
export const SWAPS = [
  'cho hay',
  'nhấn mạnh',
  'khẳng định',
  'tiếp tục',
  'đồng thời',
  'hiện nay',
  'theo đó',
  'nhiều',
  'các',
  'những',
];

export function sentences(p: string): string[] {
  return p.split(/(?<=[.!?…])\s+(?=\p{Lu}|["“])/u).filter((s) => s.trim());
}

export function wordCount(a: EvalArticle): number {
  return [a.lead ?? '', ...a.paragraphs].join(' ').split(/\s+/).filter(Boolean).length;
}

/** Cuts the text from the end so about `share` of its words are gone, at a sentence end. */
export function trim(a: EvalArticle, share: number): EvalArticle {
  const keep = Math.max(1, Math.round(wordCount(a) * (1 - share)));
  let words = a.lead ? a.lead.split(/\s+/).length : 0;
  const paragraphs: string[] = [];
  for (const p of a.paragraphs) {
    if (words >= keep) break;
    const kept: string[] = [];
    for (const s of sentences(p)) {
      if (words >= keep) break;
      kept.push(s);
      words += s.split(/\s+/).length;
    }
    if (kept.length) paragraphs.push(kept.join(' '));
  }
  if (paragraphs.length === 0) paragraphs.push(sentences(a.paragraphs[0]!)[0]!);
  return { ...a, paragraphs };
}

export const stripDiacritics = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

// The other tone-mark placement (hoá ↔ hóa, thuỷ ↔ thủy) and i for a final y (Mỹ → Mĩ).
export const SPELLING: [RegExp, string][] = [
  [/oá/g, 'óa'],
  [/oà/g, 'òa'],
  [/oả/g, 'ỏa'],
  [/óa/g, 'oá'],
  [/òa/g, 'oà'],
  [/uỷ/g, 'ủy'],
  [/ủy/g, 'uỷ'],
  [/Mỹ/g, 'Mĩ'],
  [/kỳ/g, 'kì'],
  [/lý/g, 'lí'],
];

export function mapText(a: EvalArticle, f: (s: string) => string): EvalArticle {
  return { ...a, title: f(a.title), lead: a.lead === null ? null : f(a.lead), paragraphs: a.paragraphs.map(f) };
}

/** Rewords `share` of the sentences: one or two words swapped, dropped or added in each. */
export function rewordSentences(a: EvalArticle, share: number, r: Rand): EvalArticle {
  const edit = (p: string): string =>
    sentences(p)
      .map((s) => {
        if (r() >= share) return s;
        const w = s.split(' ');
        const edits = 1 + Math.floor(r() * 2);
        for (let i = 0; i < edits && w.length > 4; i++) {
          const at = 1 + Math.floor(r() * (w.length - 2));
          if (/\d/.test(w[at]!)) continue; // editors keep the figures
          const op = r();
          if (op < 0.4) w[at] = pick(r, SWAPS);
          else if (op < 0.7) w.splice(at, 1);
          else w.splice(at, 0, pick(r, SWAPS));
        }
        return w.join(' ');
      })
      .join(' ');
  return { ...a, lead: a.lead === null ? null : edit(a.lead), paragraphs: a.paragraphs.map(edit) };
}

export type Edit = (a: EvalArticle, r: Rand) => EvalArticle;

export const EDITS: Record<string, Edit> = {
  title: (a, r) => ({ ...a, title: pick(r, NEW_TITLES) }),
  lead: (a, r) => ({ ...a, lead: pick(r, LEAD_REWRITES).replace('{t}', a.title) }),
  byline: (a, r) => ({ ...a, paragraphs: [...a.paragraphs, pick(r, BYLINES)] }),
  'wire prefix': (a, r) => ({ ...a, lead: `${pick(r, WIRE_PREFIXES)}${a.lead ?? ''}` }),
  'paragraph added': (a, r) => {
    const at = 1 + Math.floor(r() * a.paragraphs.length);
    return { ...a, paragraphs: [...a.paragraphs.slice(0, at), pick(r, BACKGROUND), ...a.paragraphs.slice(at)] };
  },
  'paragraph dropped': (a, r) => {
    if (a.paragraphs.length < 2) return a;
    const at = Math.floor(r() * a.paragraphs.length);
    return { ...a, paragraphs: a.paragraphs.filter((_, i) => i !== at) };
  },
  'paragraphs reordered': (a, r) => {
    if (a.paragraphs.length < 2) return a;
    const ps = [...a.paragraphs];
    const i = Math.floor(r() * (ps.length - 1));
    [ps[i], ps[i + 1]] = [ps[i + 1]!, ps[i]!];
    return { ...a, paragraphs: ps };
  },
  'trimmed 10–30 %': (a, r) => trim(a, 0.1 + r() * 0.2),
  'trimmed 30–50 %': (a, r) => trim(a, 0.3 + r() * 0.2),
  'trimmed 50–70 %': (a, r) => trim(a, 0.5 + r() * 0.2),
  'tone-stripped': (a) => mapText(a, stripDiacritics),
  NFD: (a) => mapText(a, (s) => s.normalize('NFD')),
  'hoá/hóa, i/y': (a) => mapText(a, (s) => SPELLING.reduce((t, [re, to]) => t.replace(re, to), s)),
  'words changed in 20 % of sentences': (a, r) => rewordSentences(a, 0.2, r),
  'words changed in 50 % of sentences': (a, r) => rewordSentences(a, 0.5, r),
  'words changed in every sentence': (a, r) => rewordSentences(a, 1, r),
};

export const COMBOS: Record<string, string[]> = {
  'title + lead + trimmed + prefix + byline': ['title', 'lead', 'trimmed 10–30 %', 'wire prefix', 'byline'],
  'tone-stripped + trimmed': ['trimmed 30–50 %', 'tone-stripped'],
  'paragraph added + dropped + reordered': ['paragraph added', 'paragraph dropped', 'paragraphs reordered'],
  'lead + words changed + byline': ['lead', 'words changed in 50 % of sentences', 'byline'],
  'NFD + hoá/hóa + prefix': ['hoá/hóa, i/y', 'wire prefix', 'NFD'],
  'trimmed 50–70 % + lead + byline': ['trimmed 50–70 %', 'lead', 'byline'],
};

export const EDIT_KINDS = [...Object.keys(EDITS), ...Object.keys(COMBOS)];
