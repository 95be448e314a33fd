// The generic reading of a page (no source file): the body where the prose gathers, whatever the
// markup; the sapo, the headline and the byline as the page prints them. Pages written here,
// each in a shape real sites use.
import { describe, expect, it } from 'vitest';
import { genericSource } from '../../config/generic-source.js';
import { extractArticle } from '../../src/extract/extract-article.js';

const URL_ = 'https://bao.example.vn/tin-the-gioi/han-my-dien-tap-12345.html';
const sentence = (n: number) =>
  `Câu số ${n}: Hàn Quốc và Mỹ bắt đầu cuộc tập trận chung, với hàng nghìn binh sĩ, tàu chiến và máy bay tham gia, theo Bộ Quốc phòng.`;
const paras = (from: number, n: number, tag = 'p') =>
  Array.from({ length: n }, (_, i) => `<${tag}>${sentence(from + i)}</${tag}>`).join('');
const chrome = `<header class="site-header"><a href="/">Trang chủ</a><a href="/the-gioi">Thế giới</a></header>
<ul class="menu">${Array.from({ length: 30 }, (_, i) => `<li><a href="/c${i}">Chuyên mục ${i}</a></li>`).join('')}</ul>`;
const related = `<div class="related-news">${Array.from({ length: 8 }, (_, i) => `<p><a href="/r${i}">Tin liên quan số ${i} về một chủ đề khác hẳn, có tiêu đề dài</a></p>`).join('')}</div>`;
const extract = (html: string) => {
  const res = extractArticle(html, URL_, genericSource(URL_));
  if (!res.ok) throw new Error(res.reason);
  return res.article;
};

describe('generic body', () => {
  it('gathers a body split over consecutive sections (one story, several containers)', () => {
    const a = extract(
      `<html><body>${chrome}<h1>Tiêu đề</h1><div id="story"><section class="story-part">${paras(1, 4)}</section><div class="ad-slot"></div><section class="story-part">${paras(5, 4)}</section></div>${related}</body></html>`,
    );
    expect(a.paragraphs).toEqual(Array.from({ length: 8 }, (_, i) => sentence(i + 1)));
  });

  it('reads paragraphs written as divs of text, as some CMSs write them', () => {
    const a = extract(
      `<html><body>${chrome}<h1>Tiêu đề</h1><div class="body">${paras(1, 6, 'div')}</div></body></html>`,
    );
    expect(a.paragraphs).toEqual(Array.from({ length: 6 }, (_, i) => sentence(i + 1)));
  });

  it('leaves out comments, share bars and related lists inside the article container', () => {
    const a = extract(
      `<html><body><h1>Tiêu đề</h1><article>${paras(1, 5)}<div class="share-tools"><a href="#">Facebook</a> <a href="#">Zalo</a></div>${related}<div class="comment-list">${paras(100, 3)}</div></article></body></html>`,
    );
    expect(a.paragraphs).toEqual(Array.from({ length: 5 }, (_, i) => sentence(i + 1)));
  });

  it('still finds an article that a theme wraps in an element named like a sidebar', () => {
    const a = extract(
      `<html><body><div class="theiaStickySidebar"><h1>Tiêu đề</h1><div class="entry-content">${paras(1, 5)}</div></div></body></html>`,
    );
    expect(a.paragraphs).toHaveLength(5);
  });
});

describe('generic metadata as printed', () => {
  it('prefers the <h1> to a JSON-LD headline with undecoded entities, and decodes a headline it must use', () => {
    const ld = (h: string) => `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${h}"}</script>`;
    const page = (head: string, h1: string) =>
      `<html><head>${head}</head><body>${h1}<article>${paras(1, 4)}</article></body></html>`;
    expect(extract(page(ld('Ch&amp;#237;nh s&amp;#225;ch Mỹ'), '<h1>Chính sách Mỹ</h1>')).title).toBe('Chính sách Mỹ');
    expect(extract(page(ld('Ch&#237;nh s&#225;ch Mỹ'), '')).title).toBe('Chính sách Mỹ');
    expect(
      extract(page('<meta property="og:title" content="Chính sách Mỹ - Báo Mẫu">', '<h1>Chính sách Mỹ</h1>')).title,
    ).toBe('Chính sách Mỹ');
  });

  it('writes the description as the lead where the page prints it as its sapo, not where it is only metadata', () => {
    const desc = 'Hàn Quốc và Mỹ mở đầu đợt tập trận mùa thu với quy mô lớn nhất trong nhiều năm.';
    const head = `<meta name="description" content="${desc}">`;
    const printed = extract(
      `<html><head>${head}</head><body><h1>T</h1><h2 class="article-sapo">${desc}</h2><article>${paras(1, 4)}</article></body></html>`,
    );
    expect(printed.lead).toBe(desc);
    const unprinted = extract(
      `<html><head>${head}</head><body><h1>T</h1><article>${paras(1, 4)}</article></body></html>`,
    );
    expect(unprinted.lead).toBeNull();
  });

  it('writes the author as the byline where the page names them, and only then', () => {
    const head = '<meta name="author" content="Minh Anh">';
    const named = extract(
      `<html><head>${head}</head><body><h1>T</h1><article>${paras(1, 4)}<p class="author">Minh Anh</p></article></body></html>`,
    );
    expect(named.credit).toBe('Minh Anh');
    expect(named.paragraphs).not.toContain('Minh Anh');
    const unnamed = extract(
      `<html><head>${head}</head><body><h1>T</h1><article>${paras(1, 4)}</article></body></html>`,
    );
    expect(unnamed.credit).toBeNull();
  });
});
