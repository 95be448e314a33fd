// The generic body finder, used when no body selector matches (an outlet without a source file,
// or one whose markup changed). After Mozilla Readability's scoring, written small:
//   1. Elements whose class or id says they are not the article (comments, related lists, share
//      bars, sidebars…) are set aside unless they also say article/content/body.
//   2. Each paragraph-like block (a <p>, or a <div>/<td> holding text directly, as CNN writes
//      paragraphs) scores by length and commas, less its link text, and gives that score to its
//      parent in full, its grandparent by half and further ancestors by a third per level: the
//      element gathering the most prose wins, even when the prose sits in several sections.
//   3. The winner's siblings that score well enough, or that are prose paragraphs themselves,
//      join it (a body split into consecutive containers).
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { cleanLine } from '../text/normalize.js';
import { descendantsNamed } from './dom-walk.js';
import {
  BYLINE,
  MIN_SCORE,
  NEGATIVE,
  PARAGRAPH_TAGS,
  classAndId,
  classWeight,
  isInlineOnly,
  isUnlikely,
  linkDensity,
  ownInlineText,
  ownLinkShare,
  tagWeight,
  textOf,
} from './density-signals.js';
import { liftedToRepeatedBlock } from './density-repeated.js';
import { widenedWinner, withSiblings } from './density-winner.js';

/** Prose a result should reach before the stricter passes are trusted (Readability's 500). */
const ENOUGH_TEXT = 500;

/**
 * The article's blocks, or null. As Readability does, a pass that finds too little is run again
 * with a rule relaxed: first without setting unlikely elements aside (a class such as
 * "PageBuilder-pageRow" reads as "pager"), then without class weights.
 */
export function densestBlock($: CheerioAPI): Element[] | null {
  let found: { blocks: Element[]; length: number; scores: Map<Element, number>; skipUnlikely: boolean } | null = null;
  for (const pass of [
    { skipUnlikely: true, weighClasses: true },
    { skipUnlikely: false, weighClasses: true },
    { skipUnlikely: false, weighClasses: false },
  ]) {
    const { blocks, length, scores } = scorePass($, pass);
    if (blocks && (!found || length > found.length))
      found = { blocks, length, scores, skipUnlikely: pass.skipUnlikely };
    if (length >= ENOUGH_TEXT) break;
  }
  // Cleaning changes the page, so it runs once, on the pass that was kept.
  if (found) cleanInside($, found.blocks, found.scores, found.skipUnlikely);
  return found?.blocks ?? null;
}

const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'aside', 'header', 'footer', 'dl']);
const PARAGRAPH = new Set(['p']);

/**
 * Inside the chosen blocks, removes what is not prose (Readability's conditional cleaning, cut
 * down): asides, headers and footers; elements that say they are not the article; and lists,
 * tables and divisions mostly made of links (teasers, tag lists, share bars).
 */
function cleanInside($: CheerioAPI, blocks: Element[], scores: Map<Element, number>, dropUnlikely: boolean): void {
  for (const block of blocks) {
    const blockText = textOf($, block).length;
    // Scores reach five levels above a paragraph, so a wrapper further up (a theme's "media" or
    // "tool" container around deeply nested prose) has none to outweigh its negative name: an
    // element holding most of the block's text is the article itself, unless its name says it
    // is comments, related links or the like (isUnlikely), which can outgrow the article.
    const holdsTheArticle = (el: Element): boolean => textOf($, el).length * 2 >= blockText;
    for (const el of descendantsNamed(block, CONDITIONAL)) {
      if (el.type !== 'tag' || !el.parent) continue;
      const name = el.name.toLowerCase();
      // A byline box is written as the credit, never as body text. A header holding the
      // article's text is the article (a site builder's "rich text" block written as <header>).
      if (
        ((name === 'aside' || name === 'header' || name === 'footer') && !holdsTheArticle(el)) ||
        BYLINE.test(classAndId(el))
      ) {
        $(el).remove();
        continue;
      }
      // A negative name is outweighed by the prose the element holds (a theme's "widget" around
      // the article text), as in Readability's weight + content score.
      if (
        (dropUnlikely && isUnlikely(el)) ||
        (classWeight(el) + (scores.get(el) ?? 0) < 0 &&
          !(onlyWidget(el) && descendantsNamed(el, PARAGRAPH).length > 0) &&
          (isUnlikely(el) || !holdsTheArticle(el)))
      ) {
        $(el).remove();
        continue;
      }
      const text = textOf($, el);
      if (text.length === 0) continue;
      const links = linkDensity($, el, text);
      const paragraphs = descendantsNamed(el, PARAGRAPH).length;
      if (links > 0.5 || (name !== 'div' && name !== 'section' && links > 0.3 && paragraphs === 0)) $(el).remove();
    }
  }
}

/**
 * Page builders (Elementor, WordPress block themes) name every block of a page "widget", the
 * article's paragraphs included: a negative name that is only that says nothing of a block
 * holding paragraphs inside the chosen article.
 */
function onlyWidget(el: Element): boolean {
  const name = classAndId(el);
  return /widget/i.test(name) && !NEGATIVE.test(name.replace(/widget/gi, ''));
}

/** The pass's blocks, and how much prose it scored inside them (what set-aside elements hold not counted). */
function scorePass(
  $: CheerioAPI,
  pass: { skipUnlikely: boolean; weighClasses: boolean },
): { blocks: Element[] | null; length: number; scores: Map<Element, number> } {
  const prose: [Element, number][] = [];

  // 1. Set aside what says it is not the article.
  const unlikely = new Set<Element>();
  if (pass.skipUnlikely) {
    $('*').each((_, el) => {
      if (el.type === 'tag' && isUnlikely(el)) unlikely.add(el);
    });
  }
  const inUnlikely = (el: Element): boolean => {
    if (unlikely.size === 0) return false;
    for (let n: Element | null = el; n && n.type === 'tag'; n = n.parent as Element | null) {
      if (unlikely.has(n)) return true;
    }
    return false;
  };

  // 2. Paragraph scores, handed to ancestors.
  const scores = new Map<Element, number>();
  const initial = (el: Element): number => tagWeight(el.name.toLowerCase()) + (pass.weighClasses ? classWeight(el) : 0);
  const give = (from: Element | null, score: number, firstLevel: number): void => {
    let ancestor = from;
    for (let level = firstLevel; ancestor && ancestor.type === 'tag' && level < 5; level++) {
      if (!scores.has(ancestor)) scores.set(ancestor, initial(ancestor));
      const share = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, scores.get(ancestor)! + score / share);
      ancestor = ancestor.parent as Element | null;
    }
  };
  const proseScore = (text: string, density: number): number =>
    (1 + text.split(/[,，、]/).length + Math.min(3, Math.floor(text.length / 100))) * (1 - density);
  $('p, pre, blockquote, div, td, section, article').each((_, node) => {
    if (node.type !== 'tag' || inUnlikely(node)) return;
    if (PARAGRAPH_TAGS.has(node.name.toLowerCase())) {
      const text = textOf($, node);
      if (text.length >= 25) {
        give(node.parent as Element | null, proseScore(text, linkDensity($, node, text)), 0);
        prose.push([node, text.length]);
      }
      return;
    }
    // A container's own prose (text between <br>s, or in inline elements, beside any blocks):
    // paragraphs written without <p>. It counts for the container itself first.
    // A container of inline content only is a paragraph written as a <div> (Readability turns
    // it into a <p>): its score goes to its parent, so a teaser's or a sapo's class never makes
    // it a candidate of its own.
    const own = cleanLine(ownInlineText($, node));
    if (own.length >= 25) {
      if (isInlineOnly(node)) give(node.parent as Element | null, proseScore(own, ownLinkShare($, node, own)), 0);
      else give(node, proseScore(own, ownLinkShare($, node, own)), 0);
      prose.push([node, own.length]);
    }
  });

  // Final scores discount link-heavy containers (lists of teasers gather short linked texts).
  let best: Element | null = null;
  let bestScore = 0;
  const final = new Map<Element, number>();
  for (const [el, score] of scores) {
    const f = score * (1 - linkDensity($, el, textOf($, el)));
    final.set(el, f);
    if (f > bestScore) {
      best = el;
      bestScore = f;
    }
  }
  if (!best || bestScore < MIN_SCORE) return { blocks: null, length: 0, scores: final };
  ({ best, bestScore } = widenedWinner(best, bestScore, final));
  best = liftedToRepeatedBlock($, best);
  const blocks = withSiblings($, best, bestScore, final, unlikely);
  const inBlocks = (el: Element): boolean => {
    for (let n: Element | null = el; n && n.type === 'tag'; n = n.parent as Element | null) {
      if (blocks.includes(n)) return true;
    }
    return false;
  };
  return { blocks, length: prose.reduce((sum, [el, n]) => sum + (inBlocks(el) ? n : 0), 0), scores: final };
}
