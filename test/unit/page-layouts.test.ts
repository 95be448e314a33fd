// Page layouts a source declares (config/source-schema.ts, layouts): a video page whose only text
// is its title and sapo is written, marked partial and named; the same page at an ordinary
// article URL is refused with its cause; a layout's own selector lists replace the source's.
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { layoutReading } from '../../src/extract/page-layout.js';

const sources = loadSources();
const nhandan = sources.find((s) => s.id === 'nhandan')!;
const vietnamplus = sources.find((s) => s.id === 'vietnamplus')!;
const sapo = 'Đoạn dẫn của một bản tin video, nói ngắn gọn điều người xem sẽ thấy.';
// No og:type, no JSON-LD: nothing on the page itself says it is an article.
const videoPage = `<html><head><meta name="description" content="${sapo}"></head><body>
<h1>Bản tin video thử nghiệm</h1><div class="article__sapo">${sapo}</div>
<figure class="video"><video src="https://v.example/a.mp4"></video></figure></body></html>`;

describe('page layouts', () => {
  it('writes a declared video page with its title and sapo, marked partial and named', () => {
    const res = extractArticle(videoPage, 'https://nhandan.vn/video-ban-tin-thu-nghiem-post1.html', nhandan);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article).toMatchObject({
      title: 'Bản tin video thử nghiệm',
      lead: sapo,
      partial: true,
      layout: 'video',
    });
  });

  it('refuses the same page at an ordinary article URL, with the cause', () => {
    const res = extractArticle(videoPage, 'https://nhandan.vn/ban-tin-thu-nghiem-post1.html', nhandan);
    expect(!res.ok && res.reason).toMatch(/no article body found/);
  });

  it('reads a layout with its own selector lists, the rest from the source', () => {
    const mega = layoutReading(vietnamplus, 'https://mega.vietnamplus.vn/mot-cau-chuyen-dai-1.html');
    expect(mega.layout?.name).toBe('emagazine');
    expect(mega.extract.body).toEqual([]);
    expect(mega.extract.date).toEqual(vietnamplus.extract.date);
    expect(layoutReading(vietnamplus, 'https://vietnamplus.vn/tin-post1.vnp')).toEqual({
      layout: null,
      extract: vietnamplus.extract,
    });
  });
});
