// The backfill walk reads only a page's date (src/extract/page-date.ts); it must be the date the
// article job's extraction reads from the same page, selector first, then metadata.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.js';
import { readPageDate } from '../../src/extract/page-date.js';
import { testSource } from '../helpers/test-source.js';

const HOST = 'ngay.example.vn';
const URL_ = `https://${HOST}/tin-1234567.html`;
const BODY = `<article><p>${'Hai bên trao đổi về hợp tác quốc phòng và an ninh khu vực. '.repeat(12)}</p></article>`;
const page = (head: string, dateLine: string): string =>
  `<html><head>${head}</head><body><h1>Tin thử</h1><span class="ngay">${dateLine}</span>${BODY}</body></html>`;
const META = '<meta property="article:published_time" content="2026-03-01T08:00:00+07:00">';

describe('readPageDate', () => {
  const bySelector = testSource(HOST, { extract: { title: ['h1'], body: ['article'], date: ['.ngay'] } });
  const byMeta = testSource(HOST);

  it('reads the date as the extraction does: the selector before the metadata', () => {
    for (const [source, html] of [
      [bySelector, page(META, '05/03/2026 14:30')],
      [byMeta, page(META, '05/03/2026 14:30')],
      [bySelector, page('', 'không có ngày')],
    ] as const) {
      const extracted = extractArticle(html, URL_, source);
      expect(extracted.ok).toBe(true);
      expect(readPageDate(html, URL_, source)).toBe(extracted.ok ? extracted.article.publishedAt : 'unreached');
    }
    expect(readPageDate(page(META, '05/03/2026 14:30'), URL_, bySelector)).toMatch(/^2026-03-05T14:30/);
    expect(readPageDate(page(META, ''), URL_, byMeta)).toMatch(/^2026-03-01T08:00/);
    expect(readPageDate(page('', ''), URL_, byMeta)).toBeNull();
  });
});
