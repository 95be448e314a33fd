// The kinds of page noise the golden pages carry on purpose, each with the check that the page
// really carries it and that the written text left it out. A golden case names the patterns its
// page exercises in `noise`; the golden test holds one case per pattern at least.
import * as cheerio from 'cheerio';
import { cleanLine } from '../../src/text/normalize.js';

type Page = cheerio.CheerioAPI;

/** The page's visible text as one line: body only, no scripts or styles, spaces collapsed. */
export function visibleText($: Page): string {
  const body = $('body').clone();
  body.find('script, style, noscript, template').remove();
  body.find('br').replaceWith(' ');
  body.find('p, div, h1, h2, h3, li, td, figcaption, section, article').append(' ');
  return cleanLine(body.text());
}

const texts = ($: Page, selector: string): string[] =>
  $(selector)
    .toArray()
    .map((e) => cleanLine($(e).text()))
    .filter((t) => t.length > 0);

export interface NoisePattern {
  /** What the page carries, in words. */
  what: string;
  /** The noise found in the page (empty: the page does not carry it). */
  found: ($: Page, html: string) => string[];
  /** Whether the written text (blocks split at blank lines) kept the noise out. */
  leftOut: (blocks: readonly string[], found: readonly string[]) => boolean;
}

const notIn = (blocks: readonly string[], found: readonly string[]) =>
  found.every((f) => !blocks.some((b) => b.includes(f)));

/** Most body blocks (after title and lead) are captions, and none is written twice. */
function captionsAreTheStory(blocks: readonly string[], found: readonly string[]): boolean {
  const body = blocks.slice(2);
  const fromCaptions = body.filter((b) => found.some((f) => f.includes(b) || b.includes(f)));
  return fromCaptions.length * 2 > body.length && new Set(body).size === body.length;
}

export const NOISE_PATTERNS: Record<string, NoisePattern> = {
  'share-bar': {
    what: 'a "Chia sẻ:" share bar, above the lead or after the body',
    found: ($) => texts($, 'p, span, div').filter((t) => /^Chia sẻ:?$/.test(t)),
    leftOut: notIn,
  },
  caption: {
    what: 'photo captions (figcaption, caption cells, "Chú thích ảnh")',
    found: ($) => texts($, 'figcaption, .caption, .cap'),
    // In a photo story the captions carry the story: there they are the body, each once.
    leftOut: (blocks, found) => notIn(blocks, found) || captionsAreTheStory(blocks, found),
  },
  teaser: {
    what: 'related-article or latest-news teasers inside or beside the article',
    found: ($) => texts($, '.news-related h3, .news-related p, .box-latest li, .comp_contents_3x h2'),
    leftOut: notIn,
  },
  'page-chrome': {
    what: 'the outlet footer lines',
    found: ($) => texts($, '.footer p, #footer p'),
    leftOut: notIn,
  },
  'body-twice': {
    what: 'the body captured twice (a hidden AMP copy after the visible one)',
    found: ($) => {
      const ps = texts($, 'p');
      return [...new Set(ps.filter((p, i) => p.length > 40 && ps.indexOf(p) !== i))];
    },
    leftOut: (blocks, found) => found.every((f) => blocks.filter((b) => b === f).length === 1),
  },
  'br-paragraphs': {
    what: 'body paragraphs joined by <br> inside one element, not <p>',
    found: ($) =>
      $('div')
        .toArray()
        .filter((e) => $(e).children('br').length >= 2 && $(e).children('p').length === 0)
        .flatMap((e) =>
          ($(e).html() ?? '')
            .split(/<br\s*\/?>/i)
            .map((h) => cleanLine(cheerio.load(h).text()))
            .filter((t) => t.length > 0),
        ),
    leftOut: (blocks, found) => found.length >= 3 && found.every((f) => blocks.includes(f)),
  },
};
