// Seeded generator of the dedupe eval's pairs, from the project's own texts (evaluation/own-set):
//  - republished copies of each article, by the edits outlets make when they carry a wire story
//    (new title or lead, byline, wire prefix, paragraph added, dropped or moved, trimmed 10–70 %,
//    diacritics stripped, NFD, hoá/hóa and i/y spellings, words changed in sentences, and
//    combinations of these);
//  - pairs that are different stories: write-ups of one event by two outlets (the hand-written
//    same-event articles), two articles that quote the same long statement, and short templated
//    briefs of different days.
// Same seed, same pairs: a change to the rule is measured on the same material.
import type { EvalArticle } from './own-eval-set.js';
import { COMBOS, EDIT_KINDS, EDITS, QUOTES, sentences } from './republication-edits.js';
import { pick, seededRandom, type Rand } from './seeded-random.js';

export interface GeneratedCopy {
  id: string;
  /** The original's id. */
  of: string;
  kind: string;
  copy: EvalArticle;
}

export interface GeneratedNegative {
  id: string;
  kind: 'same-event write-ups' | 'shared long quote' | 'short pieces sharing a long quote' | 'templated briefs';
  a: EvalArticle;
  b: EvalArticle;
}

/** One copy of every original per edit kind. */
export function generateCopies(originals: readonly EvalArticle[], seed = 1): GeneratedCopy[] {
  const r = seededRandom(seed);
  const out: GeneratedCopy[] = [];
  for (const a of originals) {
    for (const kind of EDIT_KINDS) {
      const steps = COMBOS[kind] ?? [kind];
      const copy = steps.reduce((x, step) => EDITS[step]!(x, r), a);
      out.push({ id: `${a.id}~${kind}`, of: a.id, kind, copy: { ...copy, id: `${a.id}~${kind}` } });
    }
  }
  return out;
}

// Short templated briefs: a fixed opening and closing around the day's figures and places.
const BRIEF_TEMPLATES = [
  'Bộ Tham mưu Liên quân Hàn Quốc cho biết sáng ngày {d}/{m}, quân đội nước này phát hiện {n} quả tên lửa đạn đạo tầm ngắn được phóng từ khu vực {p} về phía biển Nhật Bản. Các tên lửa bay khoảng {k} km. Quân đội Hàn Quốc đã tăng cường giám sát và chia sẻ thông tin với phía Mỹ.',
  'Theo thông báo của Bộ Quốc phòng Hàn Quốc, ngày {d}/{m} lực lượng hai nước tiến hành diễn tập bắn đạn thật tại {p} với sự tham gia của {n} xe tăng và {k} binh sĩ. Cuộc diễn tập nằm trong kế hoạch huấn luyện thường niên đã được công bố từ trước.',
  'Lực lượng Mỹ tại Hàn Quốc thông báo ngày {d}/{m} sẽ có {n} máy bay chiến đấu tham gia huấn luyện bay tại căn cứ {p}. Người dân khu vực lân cận có thể nghe thấy tiếng ồn trong khoảng {k} phút. USFK đề nghị người dân thông cảm.',
];
const PLACES = ['Sunan', 'Pyongyang', 'Pocheon', 'Osan', 'Kunsan', 'Wonsan', 'Hamhung', 'Paju'];

function brief(template: string, r: Rand, id: string): EvalArticle {
  const text = template
    .replace('{d}', String(1 + Math.floor(r() * 28)))
    .replace('{m}', String(1 + Math.floor(r() * 12)))
    .replace('{n}', String(2 + Math.floor(r() * 30)))
    .replace('{k}', String(40 + Math.floor(r() * 900)))
    .replace('{p}', pick(r, PLACES));
  const [lead, ...rest] = sentences(text);
  return { id, onTopic: true, kind: 'brief', event: null, title: 'Bản tin', lead: lead!, paragraphs: [rest.join(' ')] };
}

/**
 * Longer originals, as a full wire report is: each joins three articles of the set (its own
 * title and lead, the others' leads and paragraphs after its own), every article used once.
 */
export function joinedOriginals(originals: readonly EvalArticle[]): EvalArticle[] {
  const out: EvalArticle[] = [];
  for (let i = 0; i + 3 <= originals.length; i += 3) {
    const [a, b, c] = originals.slice(i, i + 3) as [EvalArticle, EvalArticle, EvalArticle];
    const body = (x: EvalArticle): string[] => [...(x.lead ? [x.lead] : []), ...x.paragraphs];
    out.push({
      ...a,
      id: `${a.id}+${b.id}+${c.id}`,
      event: null,
      paragraphs: [...a.paragraphs, ...body(b), ...body(c)],
    });
  }
  return out;
}

/** Pairs that must stay apart. */
export function generateNegatives(originals: readonly EvalArticle[], seed = 2): GeneratedNegative[] {
  const r = seededRandom(seed);
  const out: GeneratedNegative[] = [];
  for (let i = 0; i < originals.length; i++)
    for (let k = i + 1; k < originals.length; k++) {
      const [a, b] = [originals[i]!, originals[k]!];
      if (a.event && a.event === b.event) out.push({ id: `${a.id}|${b.id}`, kind: 'same-event write-ups', a, b });
    }
  // Two different write-ups, both quoting the same statement in full: full-length ones (joined
  // articles, as the wire reports run) and short ones, where the quote is a third of the text.
  const withQuote = (x: EvalArticle, quote: string): EvalArticle => ({
    ...x,
    paragraphs: [...x.paragraphs.slice(0, 2), quote, ...x.paragraphs.slice(2)],
  });
  const long = joinedOriginals(originals);
  for (let i = 0; i + 1 < long.length; i += 2) {
    const quote = pick(r, QUOTES);
    out.push({
      id: `${long[i]!.id}|${long[i + 1]!.id}`,
      kind: 'shared long quote',
      a: withQuote(long[i]!, quote),
      b: withQuote(long[i + 1]!, quote),
    });
  }
  const byKind = new Map<string, EvalArticle[]>();
  for (const a of originals) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a]);
  for (const group of byKind.values())
    for (let i = 0; i + 1 < group.length; i += 2) {
      const quote = pick(r, QUOTES);
      out.push({
        id: `${group[i]!.id}|${group[i + 1]!.id}`,
        kind: 'short pieces sharing a long quote',
        a: withQuote(group[i]!, quote),
        b: withQuote(group[i + 1]!, quote),
      });
    }
  for (let i = 0; i < 150; i++) {
    const t = BRIEF_TEMPLATES[i % BRIEF_TEMPLATES.length]!;
    out.push({
      id: `brief-${i}`,
      kind: 'templated briefs',
      a: brief(t, r, `brief-${i}a`),
      b: brief(t, r, `brief-${i}b`),
    });
  }
  return out;
}
