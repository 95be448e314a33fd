// Compiled selectors and the text walk must read pages exactly as cheerio's own `$(selector)` and
// `.text()` would: checked on every golden page with every selector its source configures.
import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { sourceForUrl } from '../../config/load-sources.js';
import { query } from '../../src/extract/query.js';
import { textOf } from '../../src/extract/select.js';
import { goldenCases } from '../helpers/fixtures.js';

const parse = (html: string) => load(html, { xml: { xmlMode: false, decodeEntities: true } });

describe('compiled selectors', () => {
  it("match what cheerio's $(selector) matches, on every golden page and configured selector", () => {
    let compared = 0;
    for (const c of goldenCases()) {
      const $ = parse(readFileSync(c.pageFile, 'utf8'));
      const ex = sourceForUrl(c.url)!.extract;
      const specs = [...ex.title, ...ex.lead, ...ex.body, ...ex.date, ...ex.author, ...ex.section, ...ex.credit];
      const selectors = [...specs.map((s) => (typeof s === 'string' ? s : s.selector)), ...ex.drop, 'p, div > br'];
      for (const sel of selectors) {
        expect(query($, sel), `${c.name}: ${sel}`).toEqual($(sel).toArray());
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('still match what $(selector) matches once elements are removed, as extraction removes them', () => {
    const removed = 'script, style, noscript, template, iframe, svg, form, button, nav';
    let compared = 0;
    for (const c of goldenCases()) {
      const $ = parse(readFileSync(c.pageFile, 'utf8'));
      const ex = sourceForUrl(c.url)!.extract;
      const specs = [...ex.title, ...ex.lead, ...ex.body, ...ex.date, ...ex.author, ...ex.section, ...ex.credit];
      const selectors = [...specs.map((s) => (typeof s === 'string' ? s : s.selector)), 'p, div > br', 'h1, a, meta'];
      for (const sel of selectors) query($, sel); // the page's index is built before the removals
      $(query($, removed)).remove();
      for (const sel of ex.drop) $(query($, sel)).remove();
      expect(query($, removed)).toEqual([]);
      for (const sel of selectors) {
        expect(query($, sel), `${c.name}: ${sel}`).toEqual($(sel).toArray());
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('answer in document order for selectors naming several tags, and for subjects of any tag', () => {
    const $ = parse(
      '<div><h2 class="x">a</h2><p class="x">b<span class="x">c</span></p></div><h2>d</h2><p class="x">e</p>',
    );
    for (const sel of ['p, h2', 'h2, p.x, span', '.x', 'div > *', 'div *:not(span)', 'p.x, .x']) {
      expect(query($, sel), sel).toEqual($(sel).toArray());
    }
  });

  it('walk a page nested thousands of levels deep', () => {
    const depth = 20_000;
    const $ = parse(`${'<div>'.repeat(depth)}<p class="deep">x</p>${'</div>'.repeat(depth)}`);
    expect(query($, 'p.deep')).toHaveLength(1);
    expect(query($, 'div')).toHaveLength(depth);
  });

  it("leaves cheerio's own extensions to cheerio", () => {
    const $ = parse('<ul><li>a</li><li>b</li><li>c</li></ul>');
    expect(query($, 'li:first').map((el) => $(el).text())).toEqual(['a']);
    expect(query($, 'li:eq(1)').map((el) => $(el).text())).toEqual(['b']);
  });

  it('fails on a broken selector as cheerio does', () => {
    const $ = parse('<p>x</p>');
    expect(() => query($, 'p[')).toThrow();
  });
});

describe('textOf', () => {
  it('reads <br> as a space and leaves out scripts, styles and comments, without changing the page', () => {
    const html =
      '<div id="t">Hàn<br>Mỹ <b>liên<br/>minh</b><script>var x = 1;</script><style>p{}</style>' +
      '<noscript>bật JS</noscript><!-- ghi chú --><template><p>mẫu</p></template> 2026</div>';
    const $ = parse(html);
    const el = query($, '#t')[0]!;
    expect(textOf(el)).toBe('Hàn Mỹ liên minh 2026');
    expect($.html()).toBe(parse(html).html());
  });

  it('reads a text node itself, and nothing from a comment', () => {
    const $ = parse('<p>chữ<!--x--></p>');
    const [text, comment] = query($, 'p')[0]!.children;
    expect(textOf(text!)).toBe('chữ');
    expect(textOf(comment!)).toBe('');
  });
});
