// What the generic body finder (density-body.ts) reads off one element: whether its class or id
// says it is not the article, how much its tag and class weigh, its own prose and how much of
// that sits in links. Readability's signals, with the class names Vietnamese CMSs use.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { cleanLine } from '../text/normalize.js';
import { linkTextUnder, textUnder } from './dom-walk.js';
import { BLOCK_TAGS } from './paragraphs.js';

export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|share|promo|recommend|most-read|trending|tin-lien-quan|lienquan|box-tin/i;
export const MAYBE = /and|article|body|column|content|main|shadow|story|entry|post|detail|text/i;
export const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|detail|singular/i;
export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|byline|newsletter|subscribe|recommend/i;

export const BYLINE = /byline/i;

export const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote']);
/** Children that end a container's own prose: blocks, and figures (their captions are not prose). */
export const isBlockChild = (name: string): boolean => BLOCK_TAGS.has(name) || name === 'figure';

/** Any prose at all: whether it is enough for an article is decided by the caller (MIN_BODY_CHARS). */
export const MIN_SCORE = 1;

export function textOf($: CheerioAPI, el: AnyNode): string {
  return cleanLine($(el).text());
}

/** The share of an element's text (`text`) that sits in links. */
export function linkDensity($: CheerioAPI, el: Element, text: string): number {
  return text.length === 0 ? 0 : Math.min(1, cleanLine(linkTextUnder(el)).length / text.length);
}

/** What an element says it is: class and id, and the region label of sites with hashed class names (BBC: aria-labelledby="article-byline"). */
export function classAndId(el: Element): string {
  const a = el.attribs;
  return `${a.class ?? ''} ${a.id ?? ''} ${a['aria-labelledby'] ?? ''} ${a['data-component'] ?? ''}`;
}

export function classWeight(el: Element): number {
  const s = classAndId(el);
  if (!s.trim()) return 0;
  return (NEGATIVE.test(s) ? -25 : 0) + (POSITIVE.test(s) ? 25 : 0);
}

export function tagWeight(name: string): number {
  if (name === 'div' || name === 'article' || name === 'main') return 5;
  if (name === 'section' || name === 'pre' || name === 'td' || name === 'blockquote') return 3;
  if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form', 'aside'].includes(name)) return -3;
  if (/^h[1-6]$/.test(name) || name === 'th') return -5;
  return 0;
}

/** The text of an element's own text nodes and inline children, block children left out. */
export function ownInlineText($: CheerioAPI, el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') out += c.data;
    else if (c.type === 'tag' && !isBlockChild(c.name.toLowerCase())) out += ` ${$(c).text()} `;
  }
  return out;
}

/** The share of that own text that sits in links. */
export function ownLinkShare($: CheerioAPI, el: Element, own: string): number {
  let links = 0;
  for (const c of el.children) {
    if (c.type !== 'tag' || isBlockChild(c.name.toLowerCase())) continue;
    links += c.name.toLowerCase() === 'a' ? cleanLine(textUnder(c)).length : cleanLine(linkTextUnder(c)).length;
  }
  return own.length === 0 ? 0 : Math.min(1, links / own.length);
}

export function isUnlikely(el: Element): boolean {
  const name = el.name.toLowerCase();
  if (name === 'body' || name === 'html' || name === 'article' || name === 'main') return false;
  const s = classAndId(el);
  return UNLIKELY.test(s) && !MAYBE.test(s);
}

/** A container of inline content only: a paragraph written as a <div> (CNN, Vietnamese CMSs). */
export function isInlineOnly(el: Element): boolean {
  return !el.children.some((c) => c.type === 'tag' && isBlockChild(c.name.toLowerCase()));
}
