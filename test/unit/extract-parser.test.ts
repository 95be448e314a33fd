// Extraction parses with htmlparser2, which does not build the full HTML5 tree: no implied
// <html>/<head>/<body>, no repair beyond closing what a new tag implies. These pin what pages rely on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceForUrl } from '../../config/load-sources.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { renderArticleText } from '../../src/write/article-text.js';
import { goldenCases } from '../helpers/fixtures.js';
import { testSource } from '../helpers/test-source.js';

const source = testSource('example.vn');
const URL_ = 'https://example.vn/bai-viet-1234567.html';
const para = (n: number) => `Đoạn văn số ${n} về liên minh Hàn Quốc – Mỹ, đủ dài để được tính là nội dung bài.`;

describe('extraction parser', () => {
  it('reads every golden page the same with its <html>, <head> and <body> tags left out', () => {
    const withBody = goldenCases().filter((c) => c.onTopic);
    expect(withBody.length).toBeGreaterThan(10);
    for (const c of withBody) {
      const html = readFileSync(c.pageFile, 'utf8').replace(/<\/?(html|head|body)\b[^>]*>/gi, '');
      const res = extractArticle(html, c.url, sourceForUrl(c.url)!);
      expect(res.ok, c.name).toBe(true);
      if (res.ok) expect(renderArticleText(res.article), c.name).toBe(c.expectedText);
    }
  });

  it('splits paragraphs whose closing tags the page left out', () => {
    const html = `<h1>Tiêu đề</h1><article><p>${para(1)}<p>${para(2)}<p>${para(3)}<div>${para(4)}</div></article>`;
    const res = extractArticle(html, URL_, source);
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.article.paragraphs).toEqual([para(1), para(2), para(3), para(4)]);
  });

  it('tells a body-less script shell from a body-less short page', () => {
    const shell = extractArticle('<title>x</title><div id="app"></div><script>render()</script>', URL_, source);
    expect(!shell.ok && shell.reason).toMatch(/JavaScript shell: set render: browser/);
    const short = extractArticle(`<h1>Tiêu đề</h1><div>${para(1)}</div><script>track()</script>`, URL_, source);
    expect(!short.ok && short.reason).toMatch(/no article body found/);
    expect(!short.ok && short.reason).not.toMatch(/JavaScript shell/);
  });

  it('decodes entities in text and attributes as a browser would', () => {
    const html =
      `<html><head><meta property="og:title" content="Hàn &amp; Mỹ"></head><body>` +
      `<h1>Hàn &amp; Mỹ &#8211; &quot;liên minh&quot;</h1><article><p>${para(1)} &lt;tin&gt;</p><p>${para(2)}&nbsp;</p>` +
      `<p>${para(3)}</p></article></body></html>`;
    const res = extractArticle(html, URL_, source);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.title).toBe('Hàn & Mỹ – "liên minh"');
    expect(res.article.paragraphs[0]).toBe(`${para(1)} <tin>`);
    expect(res.article.paragraphs[1]).toBe(para(2));
  });
});
