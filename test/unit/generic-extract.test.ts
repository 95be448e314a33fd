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

  it('keeps a page builder\'s article, where every block is named "widget"', () => {
    // Elementor writes each paragraph or two as widget > widget-container > p: a container's
    // few paragraphs never outweigh the negative name, yet they are the article. The sidebar's
    // link list, named widget too, is still left out.
    const widget = (inner: string) =>
      `<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">${inner}</div></div>`;
    const a = extract(
      `<html><body>${chrome}<h1>Tiêu đề</h1><div class="entry-content">${widget(paras(1, 1))}${widget(paras(2, 2))}${widget(paras(4, 1))}${widget(paras(5, 2))}</div><div class="sidebar-widget">${related}</div></body></html>`,
    );
    expect(a.paragraphs).toEqual(Array.from({ length: 6 }, (_, i) => sentence(i + 1)));
  });

  it('reads an article a site builder writes inside a <header>', () => {
    const a = extract(
      `<html><body>${chrome}<h1>Tiêu đề</h1><div class="grid-article"><div id="w-node"><header class="rich-text">${paras(1, 6)}</header></div><div class="toc">Mục lục</div></div></body></html>`,
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

describe('generic body: pages nobody here wrote have these shapes', () => {
  it('does not let teaser summaries (divs of text named "story") pull the body out to the page column', () => {
    const teaser = (i: number) =>
      `<article class="story"><h2 class="story__heading"><a href="/t${i}">Tin khác số ${i}</a></h2><div class="story__summary">Tóm tắt của một tin khác hẳn, đủ dài để đọc như một đoạn văn của bài số ${i}.</div></article>`;
    const a = extract(
      `<html><body><div class="col-main"><article class="article"><h1>Tiêu đề</h1><div class="article__sapo">Sapo của bài, in đậm dưới tiêu đề và dài hơn hai mươi lăm ký tự.</div><div class="article__body">${paras(1, 3)}</div></article><section class="box-news-same">${teaser(1)}${teaser(2)}</section></div></body></html>`,
    );
    // No description names the sapo; the page marks it as one.
    expect(a.lead).toBe('Sapo của bài, in đậm dưới tiêu đề và dài hơn hai mươi lăm ký tự.');
    expect(a.paragraphs).toEqual([1, 2, 3].map(sentence));
  });

  it('joins paragraph divs beside the winning container (CNN: the first paragraphs, then a "read all" box)', () => {
    const a = extract(
      `<html><body><h1>Tiêu đề</h1><div class="l-container">${paras(1, 2, 'div')}<div class="read-more">Read More</div><div class="read-all">${paras(3, 6, 'div')}</div></div></body></html>`,
    );
    expect(a.paragraphs).toEqual(Array.from({ length: 8 }, (_, i) => sentence(i + 1)));
  });

  it('keeps a page that an ASP.NET form wraps whole, and drops a search form', () => {
    const a = extract(
      `<html><body><form class="search"><p>Tìm kiếm trên trang</p><p>Từ khóa nổi bật hôm nay</p></form><form id="page" method="post"><h1>Tiêu đề</h1><article>${paras(1, 4)}</article></form></body></html>`,
    );
    expect(a.paragraphs).toEqual([1, 2, 3, 4].map(sentence));
  });

  it('reads a table row as one line, its cells side by side, and keeps rows that repeat cells', () => {
    const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const a = extract(
      `<html><body><h1>Bảng xếp hạng</h1><article>${paras(1, 2)}<table>${row('Hạng', 'Đội', 'Điểm')}${row('1', 'Hà Nội', '0')}${row('2', 'Hải Phòng', '0')}</table></article></body></html>`,
    );
    expect(a.paragraphs.slice(2)).toEqual(['Hạng Đội Điểm', '1 Hà Nội 0', '2 Hải Phòng 0']);
  });

  it('reads a table a figure wraps (a WordPress table block), and still no photo or caption', () => {
    const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const a = extract(
      `<html><body><h1>Bảng xếp hạng</h1><article>${paras(1, 2)}<figure class="wp-block-table"><table>${row('1', 'Hà Nội', '30')}${row('2', 'Hải Phòng', '28')}</table><figcaption>Nguồn: VPF</figcaption></figure><figure><img src="a.jpg"><figcaption>Ảnh: sân vận động</figcaption></figure>${paras(3, 1)}</article></body></html>`,
    );
    expect(a.paragraphs).toEqual([sentence(1), sentence(2), '1 Hà Nội 30', '2 Hải Phòng 28', sentence(3)]);
  });

  it('keeps lines an article repeats by design, and writes a body the page holds twice once', () => {
    const plan = (n: number) =>
      `<h3>Bữa ${n}</h3><p>Ăn cách nhau 2–3 giờ</p><p>Một chén cơm gạo lứt, một đĩa rau luộc và 100 g thịt gà luộc, chấm nước mắm gừng.</p>`;
    const recipe = extract(
      `<html><body><h1>Thực đơn</h1><article>${paras(1, 2)}${plan(1)}${plan(2)}${plan(3)}</article></body></html>`,
    );
    expect(recipe.paragraphs.filter((p) => p === 'Ăn cách nhau 2–3 giờ')).toHaveLength(3);
    expect(recipe.paragraphs.filter((p) => p.startsWith('Một chén cơm'))).toHaveLength(3);

    const twice = extract(
      `<html><body><h1>Tiêu đề</h1><article><div class="content">${paras(1, 5)}</div><div class="content print-copy">${paras(1, 5)}</div></article></body></html>`,
    );
    expect(twice.paragraphs).toEqual([1, 2, 3, 4, 5].map(sentence));
  });

  it('handles a hostile page of endless identical lines without quadratic work', () => {
    const lines = Array.from({ length: 60_000 }, () => '<p>Dòng lặp lại giống hệt nhau ở khắp nơi.</p>').join('');
    const started = process.hrtime.bigint();
    const a = extract(`<html><body><h1>Tiêu đề</h1><article>${lines}</article></body></html>`);
    expect(a.paragraphs.length).toBeGreaterThan(0);
    // Generous: the point is linear vs quadratic (minutes), not a timing to the millisecond.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(30);
  });

  it('leaves out a dateline printed under the headline', () => {
    const a = extract(
      `<html><body><h1>Tiêu đề</h1><article><div class="meta">Thứ hai, 24-08-2026, 10:15 (GMT+7)</div>${paras(1, 3)}</article></body></html>`,
    );
    expect(a.paragraphs).toEqual([1, 2, 3].map(sentence));
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

  it('takes a signed last line as the byline when no metadata names the author, and nothing else', () => {
    const page = (last: string) => `<html><body><h1>T</h1><article>${paras(1, 4)}${last}</article></body></html>`;
    expect(extract(page('<p>MINH ANH</p>')).credit).toBe('MINH ANH');
    expect(extract(page('<p style="text-align:right"><strong>Minh Anh</strong></p>')).credit).toBe('Minh Anh');
    expect(extract(page('<p>(Theo Yonhap)</p>')).credit).toBe('(Theo Yonhap)');
    const plain = extract(page('<p>Hai bên sẽ họp lại vào tháng tới.</p>'));
    expect(plain.credit).toBeNull();
    expect(plain.paragraphs.at(-1)).toBe('Hai bên sẽ họp lại vào tháng tới.');
  });

  it('finds a byline in an element named for it, above or below the body, and keeps its box out of the body', () => {
    const top = extract(
      `<html><body><h1>T</h1><section aria-labelledby="article-byline"><h2 id="article-byline">Thông tin tác giả</h2><ul><li><span>Tác giả, </span>Lê Minh</li><li>Vai trò, BBC News Tiếng Việt</li></ul></section><main>${paras(1, 4, 'div')}</main></body></html>`,
    );
    expect(top.credit).toBe('Lê Minh');
    expect(top.paragraphs).toEqual([1, 2, 3, 4].map(sentence));
    const below = extract(
      `<html><body><h1>T</h1><div class="detail-content">${paras(1, 4)}</div><div class="detail-author"><div class="detail-author__name">Thu Trang</div></div></body></html>`,
    );
    expect(below.credit).toBe('Thu Trang');
  });

  it('reads the date and section of schema.org article kinds and the breadcrumb', () => {
    const a = extract(
      `<html><head><script type="application/ld+json">{"@type":"ReportageNewsArticle","headline":"T","datePublished":"2026-08-24T03:10:22Z"}</script></head><body><div class="breadcrumb"><a href="/">Trang chủ</a><a href="/the-gioi">Thế giới</a></div><h1>T</h1><article>${paras(1, 4)}</article></body></html>`,
    );
    expect(a.publishedAt).toBe('2026-08-24T10:10:22+07:00');
    expect(a.section).toBe('Thế giới');
  });

  it('does not take the outlet naming itself in the author tag for an author', () => {
    const a = extract(
      `<html><head><meta name="author" content="Báo Nhân Dân"><meta property="og:site_name" content="Báo Nhân Dân điện tử"></head><body><h1>T</h1><article>${paras(1, 4)}</article></body></html>`,
    );
    expect(a.author).toBeNull();
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
