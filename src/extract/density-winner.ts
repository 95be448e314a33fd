// The winner of the density scoring, widened to the ancestor that holds the best candidates (a
// story cut into several containers) and joined by the siblings that belong with it.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { blockKind, continuesStory } from './density-repeated.js';
import { isInlineOnly, linkDensity, textOf } from './density-signals.js';

/**
 * Readability's second look at the winner: a story cut into several containers (one per
 * paragraph card, or sections between photos) makes several close candidates, so the winner
 * becomes the nearest ancestor holding three of the five best within 75 % of its score, and an
 * only child gives way to its parent.
 */
export function widenedWinner(
  best: Element,
  bestScore: number,
  final: Map<Element, number>,
): { best: Element; bestScore: number } {
  const alternatives = [...final.entries()]
    .filter(([el, score]) => el !== best && score >= bestScore * 0.75)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([el]) => el);
  const contains = (outer: Element, inner: Element): boolean => {
    for (let n: Element | null = inner; n && n.type === 'tag'; n = n.parent as Element | null)
      if (n === outer) return true;
    return false;
  };
  let top = best;
  if (alternatives.length >= 3) {
    for (
      let n = best.parent as Element | null;
      n && n.type === 'tag' && n.name !== 'body';
      n = n.parent as Element | null
    ) {
      if (alternatives.filter((alt) => contains(n!, alt)).length >= 3) {
        top = n;
        break;
      }
    }
  }
  const elementChildren = (el: Element): number => el.children.filter((c) => c.type === 'tag').length;
  for (
    let parent = top.parent as Element | null;
    parent && parent.type === 'tag' && parent.name !== 'body' && elementChildren(parent) === 1;
    parent = top.parent as Element | null
  ) {
    top = parent;
  }
  const score = final.get(top) ?? bestScore;
  return { best: top, bestScore: Math.max(score, bestScore) };
}

/** The winner and those of its siblings that belong with it. */
export function withSiblings(
  $: CheerioAPI,
  best: Element,
  bestScore: number,
  final: Map<Element, number>,
  unlikely: Set<Element>,
): Element[] {
  // 3. Siblings that belong with the winner.
  const parent = best.parent as Element | null;
  if (!parent || parent.type !== 'tag') return [best];
  const threshold = Math.max(10, bestScore * 0.2);
  const bestClass = best.attribs.class ?? '';
  const bestKind = blockKind(best);
  const out: Element[] = [];
  for (const sib of parent.children) {
    if (sib.type !== 'tag') continue;
    if (sib === best) {
      out.push(sib);
      continue;
    }
    if (unlikely.has(sib)) continue;
    // Another block of the story's own kind (density-repeated.ts).
    if (bestKind && blockKind(sib) === bestKind && continuesStory($, best, sib)) {
      out.push(sib);
      continue;
    }
    // Readability's bonus for a sibling of the winner's class.
    const bonus = bestClass && sib.attribs.class === bestClass ? bestScore * 0.2 : 0;
    if ((final.get(sib) ?? 0) + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    const sibName = sib.name.toLowerCase();
    if (sibName === 'p' || ((sibName === 'div' || sibName === 'section') && isInlineOnly(sib))) {
      const text = textOf($, sib);
      const density = linkDensity($, sib, text);
      if ((text.length > 80 && density < 0.25) || (text.length > 0 && density === 0 && /\.( |$)/.test(text))) {
        out.push(sib);
      }
    }
  }
  return out;
}
