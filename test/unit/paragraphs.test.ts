import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../src/extract/paragraphs.js';

const paras = (html: string) => {
  const $ = load(`<div id="b">${html}</div>`);
  return paragraphsOf($, $('#b').toArray());
};

describe('paragraphsOf', () => {
  it('splits <br>-separated text into paragraphs (KBS)', () => {
    expect(paras('Một.<br /><br />Hai <b>đậm</b>.<br>Ba.')).toEqual(['Một.', 'Hai đậm.', 'Ba.']);
  });
  it('reads <p> and nested <div> blocks, skipping figures, scripts and captions', () => {
    expect(
      paras(
        '<p>A</p><div><div>B</div></div><figure><img><figcaption>Ảnh: X</figcaption></figure><script>x()</script><p>C <a href="#">link</a></p>',
      ),
    ).toEqual(['A', 'B', 'C link']);
  });
  it('drops empty paragraphs and collapses odd spaces', () => {
    expect(paras('<p>&nbsp;</p><p>a\u00a0 \u202fb</p>')).toEqual(['a b']);
  });
});
