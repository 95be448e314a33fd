// Metadata (JSON-LD, OpenGraph, <meta>) says what the page is about; the page itself says what
// a reader sees. The generic path writes a metadata value only where the page prints it: the
// description as the sapo when the page shows it, the author as the byline when the page names
// them, the headline as the <h1> reads (JSON-LD sometimes carries undecoded entities or the
// site's name). Leaf blocks are read once per page; most pages need no lookup at all.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { cleanLine } from '../text/normalize.js';
import { BLOCK_TAGS } from './paragraphs.js';

const LEAF_CANDIDATES = 'h1, h2, h3, h4, p, div, span, strong, em, b, a, li, td, address, time';

export interface PrintedBlock {
  el: Element;
  text: string;
}

/** Elements with no block inside them, with their text: what a reader sees as one line. */
export function printedBlocks($: CheerioAPI): PrintedBlock[] {
  const out: PrintedBlock[] = [];
  $(LEAF_CANDIDATES).each((_, el) => {
    if (el.type !== 'tag') return;
    if (el.children.some((c) => c.type === 'tag' && BLOCK_TAGS.has(c.name.toLowerCase()))) return;
    const text = cleanLine($(el).text());
    if (text) out.push({ el, text });
  });
  return out;
}

/**
 * Whether an element is marked as an article's sapo (Vietnamese outlets' word for the standfirst,
 * which they print in bold under the title and count as the article's first paragraph).
 */
export function isSapo(el: Element): boolean {
  for (let n: AnyNode | null = el, depth = 0; n && n.type === 'tag' && depth < 3; n = n.parent, depth++) {
    const a = (n as Element).attribs;
    if (/sapo|chapeau/i.test(`${a.class ?? ''} ${a.id ?? ''} ${a['data-slot'] ?? ''} ${a['data-role'] ?? ''}`))
      return true;
  }
  return false;
}

/** A metadata string as text: entities decoded (some sites double-encode them), spaces cleaned. */
export function metadataText(value: string): string {
  return cleanLine(decodeHTML(decodeHTML(value))).normalize('NFC');
}

const comparable = (s: string): string =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.…\s]+$/u, '');

/**
 * The printed line that is `wanted`: the same text, or (with `prefix`) one that starts with it
 * (a description cut short with "…") or that it starts with (covering most of it). Lines inside
 * `outside` are not looked at.
 */
export function findPrinted(
  blocks: readonly PrintedBlock[],
  wanted: string,
  opts: { prefix?: boolean; outside?: readonly AnyNode[]; accept?: (el: Element) => boolean } = {},
): string | null {
  const want = comparable(metadataText(wanted));
  if (!want) return null;
  const excluded = new Set(opts.outside ?? []);
  const isExcluded = (el: Element): boolean => {
    if (excluded.size === 0) return false;
    for (let n: AnyNode | null = el; n; n = n.parent) if (excluded.has(n)) return true;
    return false;
  };
  for (const b of blocks) {
    const text = comparable(b.text);
    const same =
      text === want ||
      (opts.prefix === true &&
        ((text.startsWith(want) && want.length >= 40) || (want.startsWith(text) && text.length >= want.length * 0.8)));
    if (same && !isExcluded(b.el) && (opts.accept?.(b.el) ?? true)) return b.text;
  }
  return null;
}

/** Wholly upper case (a name printed in capitals: "MINH ANH"), with at least two letters. */
const isUpperCase = (text: string): boolean => /\p{Lu}.*\p{Lu}/u.test(text) && text === text.toUpperCase();
/** An agency credit: "Theo Yonhap", "(Theo TTXVN)", "(TTXVN/Vietnam+)". */
const AGENCY_CREDIT = /^\((?:theo )?[^()]{2,40}\)$|^theo [\p{Lu}][^.!?]{1,38}$/iu;

const BYLINE_CLASS = /author|byline|tac-?gia|signature/i;
/** The label a byline may start with: "Tác giả, Lê Minh" (BBC), "By Jane Doe", "Author: …". */
const BYLINE_LABEL = /^(?:tác giả|author|written by|viết bởi)\s*[,:]\s*|^by\s+/iu;

/** A short line of a name: no sentence, no digits, a few words. */
function looksLikeName(text: string): boolean {
  return text.length <= 40 && text.split(/\s+/).length <= 6 && !/[.!?:;,]$/.test(text) && !/\d/.test(text);
}

/** Whether the element or one of its three nearest ancestors says it holds the byline. */
function markedAsByline(el: Element): boolean {
  for (let n: AnyNode | null = el, depth = 0; n && n.type === 'tag' && depth < 4; n = n.parent, depth++) {
    const a = (n as Element).attribs;
    if (BYLINE_CLASS.test(`${a.class ?? ''} ${a.id ?? ''} ${a['aria-labelledby'] ?? ''}`)) return true;
  }
  return false;
}

/**
 * The byline a page prints where no metadata names the author: the first line after the
 * headline in an element named as the author's (VTV's news-info author, Báo Chính phủ's author
 * box under the body), holding a name.
 */
export function printedBylineBlock(blocks: readonly PrintedBlock[]): string | null {
  const h1At = blocks.findIndex((b) => b.el.name === 'h1');
  for (let i = h1At + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (/^h[1-6]$/i.test(b.el.name)) continue; // a heading labels a byline region; it is not a name
    const text = b.text.replace(BYLINE_LABEL, '');
    if (looksLikeName(text) && /\p{L}/u.test(text) && markedAsByline(b.el)) return text;
  }
  return null;
}

/**
 * Whether a body's last line is its byline as Vietnamese outlets print it: a short line of a
 * name or an agency, with no sentence in it, set apart as a byline is (capitals, bold, right
 * aligned, or a class that says so), or an agency credit in its usual words.
 */
export function isPrintedByline(text: string, blocks: readonly PrintedBlock[]): boolean {
  if (text.length > 40 || text.split(/\s+/).length > 6) return false;
  if (AGENCY_CREDIT.test(text)) return true;
  if (!looksLikeName(text)) return false;
  if (isUpperCase(text)) return true;
  const block = blocks.find((b) => b.text === text);
  if (!block) return false;
  if (markedAsByline(block.el)) return true;
  for (let n: AnyNode | null = block.el, depth = 0; n && n.type === 'tag' && depth < 3; n = n.parent, depth++) {
    const el = n as Element;
    if (el.name.toLowerCase() === 'strong' || el.name.toLowerCase() === 'b') return true;
    if (/text-align:\s*right/i.test(el.attribs.style ?? '')) return true;
  }
  return false;
}
