// Turns a body element into paragraphs. Pages mark paragraphs three ways: <p> (most outlets),
// nested <div>s, and text separated by <br> (KBS). Walking the DOM and cutting at every block
// boundary and every <br> handles all three; inline markup (<a>, <strong>, <em>) stays inside.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { cleanLine } from '../text/normalize.js';

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

export function paragraphsOf($: CheerioAPI, roots: AnyNode[]): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const line = cleanLine(buf);
    if (line) out.push(line);
    buf = '';
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      buf += node.data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const name = node.name.toLowerCase();
    if (SKIP.has(name)) return;
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
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    for (const child of node.children) walk(child);
    if (block) flush();
  };
  for (const root of roots) {
    walk(root);
    flush();
  }
  return out;
}
