// A story written as a run of blocks of one kind: page builders cut the text at every pull
// quote, photo or ad slot into blocks of the same class ("block text", "rich-text"), and
// documentation or guide CMSs write one section per heading. The densest paragraph container
// is then one block's inner wrapper, and the rest of the story sits in its ancestor's siblings,
// which the sibling rule (density-winner.ts) never sees. The winner is lifted to the nearest
// ancestor that has a sibling of the same tag and class holding prose; those siblings join it.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { descendantsNamed } from './dom-walk.js';
import { isInlineOnly, linkDensity, textOf } from './density-signals.js';

/** How far above the winner a repeated block is looked for (inner wrappers of a builder's block). */
const MAX_LIFT = 4;
/** A sibling block holds prose when one of its paragraphs is at least this long, mostly unlinked. */
const PROSE_CHARS = 80;

const HEADLINE = new Set(['h1']);
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const ANCHOR = new Set(['a']);

/** A heading that links to another page is a teaser's title (an in-page "#" anchor is not). */
function hasTeaserTitle(el: Element): boolean {
  return descendantsNamed(el, HEADINGS).some((h) =>
    descendantsNamed(h, ANCHOR).some((a) => !!a.attribs.href && !a.attribs.href.startsWith('#')),
  );
}
const PROSE = new Set(['p', 'div', 'blockquote', 'pre']);

// Layout columns and grid cells stand side by side (the article beside its sidebar), they do
// not follow one another.
const COLUMN = /(?:^|[\s_-])col(?:umn)?s?(?:$|[\s_-])|column/i;

/** Tag and class together: what a page builder repeats for every block of one kind (not a column). */
export function blockKind(el: Element): string | null {
  const cls = (el.attribs.class ?? '').trim().split(/\s+/).sort().join(' ');
  return cls && !COLUMN.test(cls) ? `${el.name.toLowerCase()}.${cls}` : null;
}

/** A block with a headline of its own (another article), or a linked heading (teasers). */
export function isOtherStory(el: Element): boolean {
  return descendantsNamed(el, HEADLINE).length > 0 || hasTeaserTitle(el);
}

/**
 * How a block writes its prose: in <p> paragraphs, in paragraphs written as <div>s (text
 * between block tags), or not at all (null).
 */
function proseMark($: CheerioAPI, el: Element): 'p' | 'div' | null {
  let mark: 'p' | 'div' | null = null;
  for (const p of [el, ...descendantsNamed(el, PROSE)]) {
    const name = p.name.toLowerCase();
    if (name !== 'p' && !isInlineOnly(p)) continue;
    const text = textOf($, p);
    if (text.length < PROSE_CHARS || linkDensity($, p, text) >= 0.25) continue;
    if (name === 'p') return 'p';
    mark = 'div';
  }
  return mark;
}

/**
 * Whether a sibling block continues the story: it holds prose written as the story's is (a
 * story in <p>s is not continued by a list of teasers written as <div>s). A block holding a
 * headline is another article's (a feed of stories, an infinite scroll), one with a linked
 * heading a list of teasers.
 */
export function continuesStory($: CheerioAPI, story: Element, sib: Element): boolean {
  if (isOtherStory(sib)) return false;
  const mark = proseMark($, sib);
  return mark !== null && (mark === 'p' || proseMark($, story) !== 'p');
}

/** The nearest ancestor-or-self of the winner repeated beside itself with prose, or the winner. */
export function liftedToRepeatedBlock($: CheerioAPI, best: Element): Element {
  let node: Element = best;
  for (let level = 0; level < MAX_LIFT; level++) {
    const parent = node.parent as Element | null;
    if (!parent || parent.type !== 'tag') break;
    const kind = blockKind(node);
    // Cheap test first (a sibling of the same kind), the subtree walks only for those.
    const twins = kind
      ? parent.children.filter((sib) => sib !== node && sib.type === 'tag' && blockKind(sib) === kind)
      : [];
    if (twins.length > 0) {
      // Holding the headline, the block is the whole article: its twins are other articles,
      // and so are those of every ancestor.
      if (descendantsNamed(node, HEADLINE).length > 0) break;
      if (twins.some((sib) => continuesStory($, best, sib as Element))) return node;
    }
    if (parent.name.toLowerCase() === 'body') break;
    node = parent;
  }
  return best;
}
