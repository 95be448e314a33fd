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
import type { AnyNode, Element } from 'domhandler';
import { cleanLine } from '../text/normalize.js';
import { descendantsNamed, linkTextUnder, textUnder } from './dom-walk.js';
import { BLOCK_TAGS } from './paragraphs.js';

const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|share|promo|recommend|most-read|trending|tin-lien-quan|lienquan|box-tin/i;
const MAYBE = /and|article|body|column|content|main|shadow|story|entry|post|detail|text/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|detail|singular/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|byline|newsletter|subscribe|recommend/i;

const BYLINE = /byline/i;

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote']);
/** Children that end a container's own prose: blocks, and figures (their captions are not prose). */
const isBlockChild = (name: string): boolean => BLOCK_TAGS.has(name) || name === 'figure';

/** Any prose at all: whether it is enough for an article is decided by the caller (MIN_BODY_CHARS). */
const MIN_SCORE = 1;

function textOf($: CheerioAPI, el: AnyNode): string {
  return cleanLine($(el).text());
}

/** The share of an element's text (`text`) that sits in links. */
function linkDensity($: CheerioAPI, el: Element, text: string): number {
  return text.length === 0 ? 0 : Math.min(1, cleanLine(linkTextUnder(el)).length / text.length);
}

/** What an element says it is: class and id, and the region label of sites with hashed class names (BBC: aria-labelledby="article-byline"). */
function classAndId(el: Element): string {
  const a = el.attribs;
  return `${a.class ?? ''} ${a.id ?? ''} ${a['aria-labelledby'] ?? ''} ${a['data-component'] ?? ''}`;
}

function classWeight(el: Element): number {
  const s = classAndId(el);
  if (!s.trim()) return 0;
  return (NEGATIVE.test(s) ? -25 : 0) + (POSITIVE.test(s) ? 25 : 0);
}

function tagWeight(name: string): number {
  if (name === 'div' || name === 'article' || name === 'main') return 5;
  if (name === 'section' || name === 'pre' || name === 'td' || name === 'blockquote') return 3;
  if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form', 'aside'].includes(name)) return -3;
  if (/^h[1-6]$/.test(name) || name === 'th') return -5;
  return 0;
}

/** The text of an element's own text nodes and inline children, block children left out. */
function ownInlineText($: CheerioAPI, el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') out += c.data;
    else if (c.type === 'tag' && !isBlockChild(c.name.toLowerCase())) out += ` ${$(c).text()} `;
  }
  return out;
}

/** The share of that own text that sits in links. */
function ownLinkShare($: CheerioAPI, el: Element, own: string): number {
  let links = 0;
  for (const c of el.children) {
    if (c.type !== 'tag' || isBlockChild(c.name.toLowerCase())) continue;
    links += c.name.toLowerCase() === 'a' ? cleanLine(textUnder(c)).length : cleanLine(linkTextUnder(c)).length;
  }
  return own.length === 0 ? 0 : Math.min(1, links / own.length);
}

function isUnlikely(el: Element): boolean {
  const name = el.name.toLowerCase();
  if (name === 'body' || name === 'html' || name === 'article' || name === 'main') return false;
  const s = classAndId(el);
  return UNLIKELY.test(s) && !MAYBE.test(s);
}

/** A container of inline content only: a paragraph written as a <div> (CNN, Vietnamese CMSs). */
function isInlineOnly(el: Element): boolean {
  return !el.children.some((c) => c.type === 'tag' && isBlockChild(c.name.toLowerCase()));
}

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
    for (const el of descendantsNamed(block, CONDITIONAL)) {
      if (el.type !== 'tag' || !el.parent) continue;
      const name = el.name.toLowerCase();
      // A byline box is written as the credit, never as body text.
      if (name === 'aside' || name === 'header' || name === 'footer' || BYLINE.test(classAndId(el))) {
        $(el).remove();
        continue;
      }
      // A negative name is outweighed by the prose the element holds (a theme's "widget" around
      // the article text), as in Readability's weight + content score.
      if ((dropUnlikely && isUnlikely(el)) || classWeight(el) + (scores.get(el) ?? 0) < 0) {
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
  const blocks = withSiblings($, best, bestScore, final, unlikely);
  const inBlocks = (el: Element): boolean => {
    for (let n: Element | null = el; n && n.type === 'tag'; n = n.parent as Element | null) {
      if (blocks.includes(n)) return true;
    }
    return false;
  };
  return { blocks, length: prose.reduce((sum, [el, n]) => sum + (inBlocks(el) ? n : 0), 0), scores: final };
}

/**
 * Readability's second look at the winner: a story cut into several containers (one per
 * paragraph card, or sections between photos) makes several close candidates, so the winner
 * becomes the nearest ancestor holding three of the five best within 75 % of its score, and an
 * only child gives way to its parent.
 */
function widenedWinner(
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
function withSiblings(
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
  const out: Element[] = [];
  for (const sib of parent.children) {
    if (sib.type !== 'tag') continue;
    if (sib === best) {
      out.push(sib);
      continue;
    }
    if (unlikely.has(sib)) continue;
    let bonus = 0;
    if (bestClass && sib.attribs.class === bestClass) bonus += bestScore * 0.2;
    const score = (final.get(sib) ?? 0) + bonus;
    if (score >= threshold) {
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
