// Seeded follow-ups of the project's own texts (evaluation/own-set), written here: a new lead
// that states new facts (new figures, a new actor, or both), a new paragraph, then the first
// report again as background, reworded in a share of its sentences — so the pair shares most of
// its shingles, as a real follow-up does, and only the lead says what is new. A follow-up is
// another story, related to the first one.
import type { EvalArticle } from './own-eval-set.js';
import { rewordSentences } from './republication-edits.js';
import { pick, type Rand } from './seeded-random.js';

export type FollowUpKind = 'follow-up: new figures and actor' | 'follow-up: new figures' | 'follow-up: new actor';

export interface GeneratedFollowUp {
  id: string;
  kind: FollowUpKind;
  first: EvalArticle;
  followUp: EvalArticle;
}

// Invented people (no real official is quoted).
const ACTORS = ['Kim Tae-hoon', 'Park Ji-won', 'Robert Callahan', 'Lee Sang-min', 'Daniel Whitmore', 'Choi Eun-ji'];
const ROLES = ['người phát ngôn Bộ Quốc phòng', 'Thứ trưởng Ngoại giao', 'Tư lệnh lực lượng phòng vệ', 'nghị sĩ'];
const UNITS = ['binh sĩ', 'máy bay', 'tàu chiến', 'triệu USD', 'bệ phóng'];

const LEADS: Record<FollowUpKind, string[]> = {
  'follow-up: new figures and actor': [
    'Ngày {d}/{m}, {role} {actor} cho biết thêm {n} {unit} sẽ được triển khai sau sự việc được công bố trước đó.',
    'Tính đến chiều {d}/{m}, {actor}, {role}, xác nhận thêm {n} {unit} liên quan đến diễn biến này.',
  ],
  'follow-up: new figures': [
    'Đến ngày {d}/{m}, con số {unit} liên quan đã tăng lên {n}, theo thông tin mới nhất được công bố.',
    'Giới chức cho biết tổng cộng {n} {unit} đã được huy động tính đến sáng {d}/{m}.',
  ],
  'follow-up: new actor': [
    'Phản ứng trước sự việc, {role} {actor} kêu gọi các bên kiềm chế và nối lại đối thoại.',
    '{actor}, {role}, lên tiếng bày tỏ quan ngại sâu sắc về diễn biến mới nhất.',
  ],
};
const NEW_PARAGRAPHS = [
  'Các cuộc tham vấn sẽ tiếp tục trong những ngày tới, với sự tham gia của các cơ quan liên quan, trước khi một quyết định chính thức được đưa ra.',
  'Giới quan sát cho rằng động thái này cho thấy các bên đang tính toán thận trọng bước đi tiếp theo, trong bối cảnh dư luận trong nước theo dõi sát.',
];

function fill(t: string, r: Rand): string {
  return t
    .replace('{d}', String(1 + Math.floor(r() * 28)))
    .replace('{m}', String(1 + Math.floor(r() * 12)))
    .replace('{n}', String(3 + Math.floor(r() * 4000)))
    .replace('{unit}', pick(r, UNITS))
    .replace('{role}', pick(r, ROLES))
    .replace('{actor}', pick(r, ACTORS));
}

/** One follow-up per kind of every original with a lead and at least two paragraphs. */
export function generateFollowUps(originals: readonly EvalArticle[], r: Rand): GeneratedFollowUp[] {
  const out: GeneratedFollowUp[] = [];
  for (const first of originals) {
    if (!first.lead || first.paragraphs.length < 2) continue;
    for (const kind of Object.keys(LEADS) as FollowUpKind[]) {
      // The background: the first report's lead and paragraphs, a fifth of the sentences reworded.
      const background = rewordSentences(first, 0.2, r);
      const followUp: EvalArticle = {
        ...first,
        id: `${first.id}>${kind}`,
        event: null,
        title: `Diễn biến mới: ${first.title}`,
        lead: fill(pick(r, LEADS[kind]), r),
        paragraphs: [pick(r, NEW_PARAGRAPHS), background.lead!, ...background.paragraphs],
      };
      out.push({ id: followUp.id, kind, first, followUp });
    }
  }
  return out;
}
