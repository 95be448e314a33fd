// A story a page builder cuts into blocks of one kind (density-repeated.ts): every block is
// read, in order; blocks of the same kind that are teasers, columns or another article are not.
// Pages written here, in the shapes real sites use.
import { describe, expect, it } from 'vitest';
import { genericSource } from '../../config/generic-source.js';
import { extractArticle } from '../../src/extract/extract-article.js';

const URL_ = 'https://blog.example.com/2026/12/a-story-in-blocks';
const sentence = (n: number) =>
  `Sentence ${n}: the allies began their joint exercise, with thousands of troops, ships and aircraft taking part, the ministry said.`;
const paras = (from: number, n: number) => Array.from({ length: n }, (_, i) => `<p>${sentence(from + i)}</p>`).join('');
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => sentence(from + i));
// A builder's text block: the paragraphs sit four wrappers down, beside an empty embed slot and
// an overlay (so no wrapper is an only child).
const textBlock = (inner: string) =>
  `<div class="block text"><div class="embed"></div><div class="text"><section class="web-html"><div class="html">${inner}</div><div class="overlay" style="display:none"></div></section></div></div>`;
const quoteBlock = `<div class="block quote"><blockquote>A pull quote.</blockquote></div>`;
const extract = (html: string) => {
  const res = extractArticle(html, URL_, genericSource(URL_));
  if (!res.ok) throw new Error(res.reason);
  return res.article;
};

describe('a story written as blocks of one kind', () => {
  it('reads every block of the story, in order, not only the densest', () => {
    const a = extract(
      `<html><body><h1>Headline</h1><div class="body">${textBlock(paras(1, 3))}${quoteBlock}${textBlock(paras(4, 8))}${quoteBlock}${textBlock(paras(12, 2))}</div></body></html>`,
    );
    expect(a.paragraphs).toEqual(range(1, 13));
  });

  it('reads one section per heading, each section with its own heading', () => {
    const section = (h: string, from: number, n: number) =>
      `<section class="doc-section"><h2>${h}</h2><div class="rich">${paras(from, n)}</div></section>`;
    const a = extract(
      `<html><body><h1>Headline</h1><main>${section('First', 1, 2)}${section('Second', 3, 6)}${section('Third', 9, 2)}</main></body></html>`,
    );
    expect(a.paragraphs).toEqual(['First', ...range(1, 2), 'Second', ...range(3, 6), 'Third', ...range(9, 2)]);
  });

  it('leaves out a block of the same kind that lists teasers (a linked heading each)', () => {
    const teasers = Array.from(
      { length: 3 },
      (_, i) => `<h3><a href="/other-${i}">Another post number ${i}</a></h3><p>${sentence(100 + i)}</p>`,
    ).join('');
    const a = extract(
      `<html><body><h1>Headline</h1><div class="row">${textBlock(paras(1, 8))}${textBlock(teasers)}</div></body></html>`,
    );
    expect(a.paragraphs).toEqual(range(1, 8));
  });

  it('leaves out a layout column beside the story, however alike their classes', () => {
    const a = extract(
      `<html><body><h1>Headline</h1><div class="row"><div class="col"><div class="inner"><div class="text">${paras(1, 8)}</div><div class="overlay"></div></div></div><div class="col"><div class="inner"><div class="text">${paras(100, 1)}</div><div class="overlay"></div></div></div></div></body></html>`,
    );
    expect(a.paragraphs).toEqual(range(1, 8));
  });

  it('leaves out the next article of an endless page (a block with its own headline)', () => {
    const article = (h: string, from: number, n: number) =>
      `<div class="post"><div class="post-body"><h1>${h}</h1><div class="content">${paras(from, n)}</div></div></div>`;
    const a = extract(`<html><body>${article('Headline', 1, 8)}${article('Next one', 100, 3)}</body></html>`);
    expect(a.paragraphs).toEqual(range(1, 8));
  });
});
