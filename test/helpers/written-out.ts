// A small out folder as tinwatch writes it: article text files and their manifest lines. The
// texts are this project's own writing, for search and backtest tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './test-runtime.js';

export interface WrittenFixture {
  id: string;
  outlet: string;
  source_id: string;
  title: string;
  lead: string;
  body: string[];
  published_at: string;
  matched_rules?: string[];
  borderline?: boolean;
  /** Leave the text file out, as storage retention does. */
  textRemoved?: boolean;
}

export const WRITTEN: WrittenFixture[] = [
  {
    id: '00000000000000a1',
    outlet: 'Báo Mẫu',
    source_id: 'mau',
    title: 'Hàn Quốc và Mỹ mở cuộc tập trận chung mùa thu',
    lead: 'Hai nước bắt đầu đợt tập trận kéo dài mười ngày gần Seoul.',
    body: ['Bộ Quốc phòng Hàn Quốc cho biết cuộc tập trận có quy mô lớn hơn năm trước.'],
    published_at: '2026-08-20T23:30:00Z',
    matched_rules: ['joint-drills'],
  },
  {
    id: '00000000000000a2',
    outlet: 'Tin Thử',
    source_id: 'tinthu',
    title: 'Giá cà phê tăng trong tuần',
    lead: 'Thị trường nông sản sôi động.',
    body: ['Giá cà phê xuất khẩu tăng ba phần trăm so với tuần trước.'],
    published_at: '2026-08-21T08:00:00+07:00',
    borderline: true,
  },
  {
    id: '00000000000000a3',
    outlet: 'Tin Thử',
    source_id: 'tinthu',
    title: 'Đối thoại quốc phòng tích hợp Hàn - Mỹ họp tại Washington',
    lead: 'Hai bên bàn về răn đe mở rộng.',
    body: ['Cuộc họp KIDD lần thứ hai mươi diễn ra trong hai ngày.'],
    published_at: '2026-08-22T09:00:00+07:00',
    matched_rules: ['kidd'],
  },
  {
    id: '00000000000000a4',
    outlet: 'Báo Mẫu',
    source_id: 'mau',
    title: 'Tập trận bắn đạn thật ở Hàn Quốc',
    lead: 'Bài đã quá hạn lưu trữ.',
    body: ['Đoạn này không còn trên đĩa.'],
    published_at: '2026-08-23T09:00:00+07:00',
    textRemoved: true,
  },
];

/** Writes the fixtures to a new out folder (in manifest order) and returns its path. */
export function writtenOut(items: WrittenFixture[] = WRITTEN): string {
  const out = tempDir('tw-written');
  mkdirSync(path.join(out, 'articles'));
  const lines = items.map((a, i) => {
    const file = `articles/${String(i).padStart(3, '0')}_${a.id}.txt`;
    if (!a.textRemoved) writeFileSync(path.join(out, file), `${a.title}\n\n${a.lead}\n\n${a.body.join('\n\n')}\n`);
    return JSON.stringify({
      type: 'article',
      schema_version: 2,
      seq: i,
      file,
      id: a.id,
      url: `https://${a.source_id}.example/${a.id}.html`,
      outlet: a.outlet,
      source_id: a.source_id,
      title: a.title,
      published_at: a.published_at,
      written_at: a.published_at,
      matched_rules: a.matched_rules ?? [],
      relevance: { verdict: 'on', borderline: a.borderline === true, score: a.borderline ? 0.4 : 0.9, reason: 'test' },
      duplicate_of: null,
    });
  });
  writeFileSync(path.join(out, 'manifest.jsonl'), `${lines.join('\n')}\n`);
  return out;
}
