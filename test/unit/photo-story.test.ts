// Photo stories and galleries: the captions that carry the story are its body, in reading order,
// each once, and no text a slideshow repeats in hidden markup is written twice. An article page
// whose body cannot be found but whose title and lead can is kept, marked partial.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genericSource } from '../../config/generic-source.js';
import { loadSources } from '../../config/load-sources.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { paragraphKey } from '../../src/text/normalize.js';

const vnexpress = loadSources().find((s) => s.id === 'vnexpress')!;
const URL_VNE = 'https://vnexpress.net/chum-anh-thu-nghiem-5110001.html';
const URL_GENERIC = 'https://example.vn/chum-anh-thu-nghiem-1.html';

const SYLLABLES = ['tàu', 'biển', 'người', 'sáng', 'đội', 'hình', 'mưa', 'cầu', 'xe', 'lính', 'phố', 'gió', 'đèn'];
const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 2 }).map((s) => s.join(''));
/** A caption: 8–30 words, a capital and a full stop, as an outlet writes it. */
const caption = fc
  .array(word, { minLength: 8, maxLength: 30 })
  .map((ws) => `${ws.join(' ')}.`)
  .map((s) => s[0]!.toUpperCase() + s.slice(1));
const captions = fc.uniqueArray(caption, { minLength: 3, maxLength: 8, selector: paragraphKey });
/** The ways markup hides a slideshow's second copy of a caption. */
const hiding = fc.constantFrom(
  'style="display:none"',
  'style="display: none !important"',
  'style="visibility:hidden;"',
  'hidden',
  'class="hidden-copy"', // hidden by a stylesheet the extractor never sees
);

function slideshowPage(texts: readonly string[], hide: string, hiddenFirst: boolean): string {
  const slides = texts.map((t, i) => {
    const shown = `<div class="desc_cation"><p class="Normal">${t}</p></div>`;
    const copy = `<div class="desc_cation" ${hide}><p class="Normal">${t}</p></div>`;
    const img = `<div class="block_thumb_slide_show"><img data-src="https://img.example/${i}.jpg" alt=""></div>`;
    return `<div class="item_slide_show clearfix">${img}${hiddenFirst ? copy + shown : shown + copy}</div>`;
  });
  return `<html><head><meta property="og:type" content="article"></head><body>
<h1 class="title-detail">Chùm ảnh thử nghiệm</h1>
<p class="description">Một câu dẫn viết riêng cho phép thử này, đủ dài để là một đoạn sapo thực sự của bài.</p>
<article class="fck_detail">${slides.join('\n')}<p class="author_mail"><strong>Tên Tác Giả</strong></p></article>
</body></html>`;
}

function figurePage(texts: readonly string[]): string {
  const figs = texts.map(
    (t, i) =>
      `<figure class="image"><img src="https://img.example/${i}.jpg" alt=""><figcaption>${t}</figcaption></figure>`,
  );
  return `<html><head><meta property="og:type" content="article"><meta property="og:title" content="Chùm ảnh thử nghiệm"></head><body>
<header><a href="/">Trang chủ</a></header>
<article><h1>Chùm ảnh thử nghiệm</h1><div class="body">${figs.join('\n')}</div></article>
<footer><p>Bản quyền thuộc về tòa soạn thử nghiệm.</p></footer></body></html>`;
}

describe('photo stories', () => {
  it('writes every slideshow caption once, in reading order, however the copy is hidden (property)', () => {
    fc.assert(
      fc.property(captions, hiding, fc.boolean(), fc.boolean(), (texts, hide, hiddenFirst, generic) => {
        const html = slideshowPage(texts, hide, hiddenFirst);
        const res = generic
          ? extractArticle(html, URL_GENERIC, genericSource(URL_GENERIC))
          : extractArticle(html, URL_VNE, vnexpress);
        expect(res.ok).toBe(true);
        if (!res.ok) return;
        const keys = res.article.paragraphs.map(paragraphKey);
        const wanted = texts.map(paragraphKey);
        // Every caption once, in the page's order; nothing else but the byline, if anything.
        expect(keys.filter((k) => wanted.includes(k))).toEqual(wanted);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 60 },
    );
  });

  it('reads a story told only in figure captions, in order, instead of refusing it', () => {
    fc.assert(
      fc.property(captions, (texts) => {
        const res = extractArticle(figurePage(texts), URL_GENERIC, genericSource(URL_GENERIC));
        const total = texts.join(' ').length;
        if (total < 200) return; // too little text for any article
        expect(res.ok).toBe(true);
        if (!res.ok) return;
        expect(res.article.paragraphs.map(paragraphKey)).toEqual(texts.map(paragraphKey));
        expect(res.article.matched.body).toBe('fallback:captions');
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a line only a hidden block holds (collapsed text is still text)', () => {
    const long = 'Đoạn văn này chỉ nằm trong khối bị ẩn nhưng vẫn là một phần của bài viết thử nghiệm.';
    const para = 'Đoạn văn hiển thị bình thường của bài viết, đủ dài để cùng với đoạn dẫn tạo thành một thân bài.';
    const html = `<html><body><h1 class="title-detail">Tiêu đề</h1><article class="fck_detail"><p class="Normal">${para}</p><p class="Normal">${para.replace('bình thường', 'thứ hai')}</p><div style="display:none"><p>${long}</p></div></article></body></html>`;
    const res = extractArticle(html, URL_VNE, vnexpress);
    expect(res.ok && res.article.paragraphs).toContain(long);
  });
});

describe('no silent loss', () => {
  const lead = 'Một đoạn dẫn đầy đủ của bài báo, nói điều chính của câu chuyện trong hơn sáu mươi ký tự.';
  const page = (type: string) =>
    `<html><head><meta property="og:type" content="${type}"><meta property="og:description" content="${lead}"></head>` +
    `<body><h1>Tiêu đề bài báo</h1><p class="sapo">${lead}</p><div id="app"></div></body></html>`;

  it('keeps an article page whose body is missing, marked partial, with its title and lead', () => {
    const res = extractArticle(page('article'), URL_GENERIC, genericSource(URL_GENERIC));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article).toMatchObject({ title: 'Tiêu đề bài báo', lead, paragraphs: [], partial: true });
  });

  it('still refuses, with its cause, a page that does not say it is an article', () => {
    const res = extractArticle(page('website'), URL_GENERIC, genericSource(URL_GENERIC));
    expect(!res.ok && res.reason).toMatch(/no article body found/);
  });

  it('marks a whole article as not partial', () => {
    const html = slideshowPage(
      ['Một.', 'Hai.'].map((s) => s.repeat(60)),
      'hidden',
      false,
    );
    const res = extractArticle(html, URL_VNE, vnexpress);
    expect(res.ok && res.article.partial).toBe(false);
  });
});
