// Text-density body finder, the last fallback when no body selector matches: the element whose
// direct paragraphs carry the most text, with link-heavy blocks (menus, related lists) penalised.
// The same idea as readability's scoring, kept small because selectors do the usual work.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { cleanLine } from '../text/normalize.js';

export function densestBlock($: CheerioAPI): Element | null {
  const scores = new Map<Element, number>();
  $('p, div > br').each((_, el) => {
    const node = el.name === 'br' ? el.parent : el;
    if (!node || node.type !== 'tag') return;
    const container = (el.name === 'br' ? node : node.parent) as Element | null;
    if (!container || container.type !== 'tag') return;
    const text = cleanLine($(node).text());
    if (text.length < 40) return;
    const linkText = cleanLine($(node).find('a').text()).length;
    const weight = text.length * (1 - Math.min(1, linkText / text.length)) ** 2;
    scores.set(container, (scores.get(container) ?? 0) + weight);
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return bestScore >= 200 ? best : null;
}
