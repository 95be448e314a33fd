// The special layouts of the major outlets (issue 35, item 2), on pages written here in the
// markup each outlet's source file documents: live (minute-by-minute) pages read whole, in the
// order printed, each entry once; Q&A interviews with every question and answer; long-form pages
// read generically; audio and video pages whose text is only a title and sapo written partial.
// Every page is the project's own Vietnamese text.
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import { extractArticle, type ExtractedArticle } from '../../src/extract/extract-article.js';

const sources = new Map(loadSources().map((s) => [s.id, s]));
const read = (id: string, url: string, html: string): ExtractedArticle => {
  const res = extractArticle(html, url, sources.get(id)!);
  if (!res.ok) throw new Error(res.reason);
  return res.article;
};
const entry = (n: number) =>
  `Diễn biến số ${n}: tàu hộ vệ của hải quân hai nước rời cảng, các máy bay trinh sát bay theo đội hình đã định trước.`;
const answer = (n: number) =>
  `Trả lời ${n}: chúng tôi đã chuẩn bị kỹ lưỡng, phối hợp chặt chẽ với các đơn vị bạn suốt nhiều tháng qua.`;
const question = (n: number) => `Câu hỏi ${n}: ông đánh giá thế nào về cuộc diễn tập năm nay?`;
const menu = `<nav><a href="/">Trang chủ</a><a href="/the-gioi">Thế giới</a></nav>`;
const related = `<div class="box-related">${Array.from({ length: 5 }, (_, i) => `<p><a href="/r${i}">Tin khác số ${i} về một sự kiện khác hẳn</a></p>`).join('')}</div>`;

describe('live pages', () => {
  it('VOV: told by its .detail--live wrapper, every entry with its time, in the order printed, once', () => {
    const entries = [5, 4, 3, 2, 1]
      .map(
        (n) =>
          `<div class="news-list-live__item"><span class="news-list-live__time">1${n}:00</span><div class="news-list-live__content"><p>${entry(n)}</p></div></div>`,
      )
      .join('');
    const html = `<html><head><meta property="og:type" content="article"></head><body>${menu}
<h1 class="article-title">Tường thuật trực tiếp cuộc diễn tập</h1><div class="article-summary"><h2>VOV.VN - Cập nhật liên tục diễn biến cuộc diễn tập chung trên biển.</h2></div>
<div class="detail detail--live"><div class="article-content">${entries}</div></div>${related}</body></html>`;
    const a = read('vov', 'https://vov.vn/the-gioi/tuong-thuat-dien-tap-post1.vov', html);
    expect(a.layout).toBe('live');
    expect(a.lead).toBe('VOV.VN - Cập nhật liên tục diễn biến cuộc diễn tập chung trên biển.');
    expect(a.paragraphs).toEqual([5, 4, 3, 2, 1].flatMap((n) => [`1${n}:00`, entry(n)]));
  });

  it('VOV: an ordinary article is not a live page, and reads its .article-content without the inline teaser', () => {
    const html = `<html><body><h1 class="article-title">Tiêu đề</h1><div class="article-summary"><h2>VOV.VN - Đoạn dẫn của bài viết thường.</h2></div>
<div class="detail detail--normal"><div class="article-content"><p>${entry(1)}</p><div class="article__inner-story"><a href="/x">Một bài khác được giới thiệu giữa bài</a></div><p>${entry(2)}</p><p>${entry(3)}</p></div></div></body></html>`;
    const a = read('vov', 'https://vov.vn/the-gioi/bai-thuong-post2.vov', html);
    expect(a.layout).toBeNull();
    expect(a.matched.body).toBe('.detail--normal .article-content');
    expect(a.paragraphs).toEqual([entry(1), entry(2), entry(3)]);
  });

  it('VnExpress: a truc-tiep URL is read generically, entries in the order printed', () => {
    const entries = [6, 5, 4, 3, 2, 1]
      .map(
        (n) =>
          `<div class="item-live"><div class="time-live">0${n}:15</div><div class="content-live"><p>${entry(n)}</p><p>${answer(n)}</p></div></div>`,
      )
      .join('');
    const html = `<html><body>${menu}<h1 class="title-detail">Trực tiếp: diễn tập trên biển</h1><p class="description">Cập nhật diễn biến cuộc diễn tập chung giữa hải quân hai nước.</p>
<div class="box-live">${entries}</div>${related}</body></html>`;
    const a = read('vnexpress', 'https://vnexpress.net/truc-tiep-dien-tap-tren-bien-5106856.html', html);
    expect(a.layout).toBe('live');
    expect(a.paragraphs.filter((p) => p.startsWith('Diễn biến'))).toEqual([6, 5, 4, 3, 2, 1].map(entry));
    expect(a.paragraphs.filter((p) => p.startsWith('Trả lời'))).toEqual([6, 5, 4, 3, 2, 1].map(answer));
    expect(a.paragraphs.join('\n')).not.toContain('Tin khác');
  });
});

describe('Q&A interviews', () => {
  it('VnExpress: bold questions and their answers, each in order, none dropped as a heading or credit', () => {
    const qa = [1, 2, 3]
      .map((n) => `<p class="Normal"><strong>- ${question(n)}</strong></p><p class="Normal">- ${answer(n)}</p>`)
      .join('');
    const html = `<html><body><h1 class="title-detail">Phỏng vấn chỉ huy cuộc diễn tập</h1><p class="description">Chỉ huy lực lượng nói về mục tiêu và kết quả của cuộc diễn tập chung.</p>
<article class="fck_detail">${qa}<p class="Normal" style="text-align:right;"><strong>Minh Anh</strong></p></article></body></html>`;
    const a = read('vnexpress', 'https://vnexpress.net/phong-van-chi-huy-dien-tap-5100001.html', html);
    expect(a.paragraphs).toEqual([1, 2, 3].flatMap((n) => [`- ${question(n)}`, `- ${answer(n)}`]));
    expect(a.credit).toBe('Minh Anh');
  });

  it('Tuổi Trẻ: questions as headings inside the body keep their place among the answers', () => {
    const qa = [1, 2].map((n) => `<h3>${question(n)}</h3><p>${answer(n)}</p><p>${entry(n)}</p>`).join('');
    const html = `<html><body><h1 class="detail-title">Giao lưu trực tuyến về diễn tập</h1><h2 class="detail-sapo">Bạn đọc đặt câu hỏi, chuyên gia trả lời về cuộc diễn tập chung.</h2>
<div class="detail-content">${qa}</div></body></html>`;
    const a = read('tuoitre', 'https://tuoitre.vn/giao-luu-truc-tuyen-dien-tap-100260723195410358.htm', html);
    expect(a.paragraphs).toEqual([1, 2].flatMap((n) => [question(n), answer(n), entry(n)]));
  });
});

describe('long-form, audio and video pages', () => {
  it('VOV emagazine: told by its body class, read generically whole', () => {
    const html = `<html><head><meta property="og:type" content="article"></head><body class="page-node-type-emagazine">${menu}
<div class="emag-cover"><h1>Hành trình trên biển</h1><div class="emag-sapo">Một câu chuyện dài về những người lính hải quân và chuyến đi của họ.</div></div>
<div class="emag-body">${[1, 2, 3, 4].map((n) => `<p>${entry(n)}</p>`).join('')}</div></body></html>`;
    const a = read('vov', 'https://vov.vn/emagazine/hanh-trinh-tren-bien-post3.vov', html);
    expect(a.layout).toBe('emagazine');
    expect(a.title).toBe('Hành trình trên biển');
    expect(a.paragraphs).toEqual([1, 2, 3, 4].map(entry));
  });

  it('SGGP podcast and Znews video: title and sapo alone are written, marked partial and named', () => {
    const sapo = 'Điểm lại những tin chính trong ngày, qua giọng đọc của phát thanh viên.';
    const page = (sapoClass: string) =>
      `<html><head><meta property="og:description" content="${sapo}"></head><body><h1 class="article__title">Bản tin âm thanh buổi tối</h1><p class="${sapoClass}">${sapo}</p><audio src="a.mp3"></audio></body></html>`;
    const podcast = read(
      'sggp',
      'https://www.sggp.org.vn/podcast-ban-tin-toi-22-8-post868357.html',
      page('article__sapo'),
    );
    expect(podcast).toMatchObject({ layout: 'podcast', partial: true, title: 'Bản tin âm thanh buổi tối' });
    const video = read('znews', 'https://znews.vn/ban-tin-am-thanh-video1528600.html', page('the-article-summary'));
    expect(video).toMatchObject({ layout: 'video', partial: true });
    // The same page at an ordinary article URL is refused with the cause, never written empty.
    const res = extractArticle(
      page('article__sapo'),
      'https://www.sggp.org.vn/ban-tin-toi-post868357.html',
      sources.get('sggp')!,
    );
    expect(!res.ok && res.reason).toMatch(/no article body found/);
  });
});
