// Turns a body element into paragraphs. Pages mark paragraphs three ways: <p> (most outlets),
// nested <div>s, and text separated by <br> (KBS). Walking the DOM and cutting at every block
// boundary and every <br> handles all three; inline markup (<a>, <strong>, <em>) stays inside.
// Text the markup hides (display:none, the hidden attribute) is a slideshow's or a print view's
// second copy when the same line is also shown: such a line is read once, where it is shown.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { cleanLine, paragraphKey } from '../text/normalize.js';
import { descendantsNamed } from './dom-walk.js';

/** Elements that start a new line of text: a paragraph boundary wherever they sit. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'hr',
  'center',
  'address',
  'details',
  'summary',
]);

// Never part of the article text: media, embeds, widgets and their captions. (A <form> that
// survived extraction's drop wraps the article itself, as ASP.NET pages do: it is read.)
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'picture',
  'img',
  'svg',
  'canvas',
  'figure',
  'figcaption',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'link',
  'meta',
]);

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Whether the element's own markup hides it from a reader. */
export function hiddenByMarkup(attribs: Record<string, string>): boolean {
  return 'hidden' in attribs || (attribs.style !== undefined && HIDING_STYLE.test(attribs.style));
}

export interface ParagraphOptions {
  /** Read captions too (figure, figcaption): a photo story's text (read-captions.ts). */
  captions?: boolean;
}

const CAPTION_TAGS = new Set(['figure', 'figcaption']);
const TABLE = new Set(['table']);

/**
 * A figure that holds a table is the article's table (WordPress writes every table block as
 * figure.wp-block-table), not a photo: it is read, its caption still left out.
 */
const isTableFigure = (node: AnyNode): boolean =>
  node.type === 'tag' && node.name.toLowerCase() === 'figure' && descendantsNamed(node, TABLE).length > 0;

export function paragraphsOf($: CheerioAPI, roots: AnyNode[], options: ParagraphOptions = {}): string[] {
  const out: string[] = [];
  // Indexes in `out` of lines read inside hidden markup.
  const hiddenAt: number[] = [];
  let hiddenDepth = 0;
  let buf = '';
  const flush = (): void => {
    const line = cleanLine(buf);
    if (line) {
      if (hiddenDepth > 0) hiddenAt.push(out.length);
      out.push(line);
    }
    buf = '';
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      buf += node.data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const name = node.name.toLowerCase();
    if (SKIP.has(name) && !(options.captions && CAPTION_TAGS.has(name)) && !isTableFigure(node)) return;
    const hides = hiddenByMarkup(node.attribs);
    if (hides) {
      flush();
      hiddenDepth++;
    }
    if (name === 'br') {
      flush();
      return;
    }
    // A table row is one line, its cells side by side (a results table reads "1 Kyle Busch 5040");
    // a block inside a cell still starts its own line.
    if (name === 'td' || name === 'th') {
      buf += ' ';
      for (const child of node.children) walk(child);
      buf += ' ';
      return;
    }
    const block = BLOCK_TAGS.has(name) || CAPTION_TAGS.has(name) || hides;
    if (block) flush();
    for (const child of node.children) walk(child);
    if (block) flush();
    if (hides) hiddenDepth--;
  };
  for (const root of roots) {
    walk(root);
    flush();
  }
  return hiddenAt.length === 0 ? out : withoutHiddenCopies(out, new Set(hiddenAt));
}

/** The lines, less each hidden line that is also shown (or hidden twice): every text once. */
function withoutHiddenCopies(lines: readonly string[], hidden: ReadonlySet<number>): string[] {
  const keys = lines.map((l, i) => (hidden.has(i) ? paragraphKey(l) : ''));
  const shown = new Set<string>();
  lines.forEach((l, i) => {
    if (!hidden.has(i)) shown.add(paragraphKey(l));
  });
  const kept = new Set<string>();
  return lines.filter((_, i) => {
    if (!hidden.has(i)) return true;
    const key = keys[i]!;
    if (shown.has(key) || kept.has(key)) return false;
    kept.add(key);
    return true;
  });
}
