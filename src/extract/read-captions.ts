// A photo story's text. Some pages tell the story in the captions of their photos (a gallery, a
// "photo story"), with little or no prose between them; the body readers skip captions, as they
// should on ordinary pages, and find too little. When that happens the page is read again with
// its captions: the story's container (the source's body selector, the schema.org articleBody,
// else the element holding all the captions), in reading order, each text once.
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { SourceConfig } from '../../config/source-schema.js';
import { dropNonArticle } from './page-cleaning.js';
import { paragraphsOf } from './paragraphs.js';
import { query } from './query.js';
import { selectElements } from './select.js';

/**
 * Captions as outlets mark them: <figcaption>, classes naming a caption, and VnExpress's
 * misspelt "desc_cation" (named exactly: "*cation" would take "location" and "publication").
 */
const CAPTIONS = 'figcaption, [class*="caption"], .desc_cation';
/** Fewer captions than this is an article with photos, not a story told in them. */
const MIN_CAPTIONS = 2;

function ancestors(el: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (let n: AnyNode | null = el; n; n = n.parent) out.unshift(n);
  return out;
}

/** The deepest element that holds every one of `els`. */
function commonAncestor(els: readonly AnyNode[]): AnyNode | null {
  let path = ancestors(els[0]!);
  for (const el of els.slice(1)) {
    const other = ancestors(el);
    let i = 0;
    while (i < path.length && i < other.length && path[i] === other[i]) i++;
    path = path.slice(0, i);
  }
  return path.at(-1) ?? null;
}

const holds = (outer: AnyNode, inner: AnyNode): boolean => {
  for (let n: AnyNode | null = inner; n; n = n.parent) if (n === outer) return true;
  return false;
};

/**
 * A source's drop list, less the selectors that would remove captions (its "figure", "figcaption"
 * and caption classes are there to keep captions out of ordinary bodies).
 */
function dropsKeepingCaptions($: CheerioAPI, drop: readonly string[], captions: readonly Element[]): string[] {
  const holdingCaptions = new Set<AnyNode>();
  for (const c of captions)
    for (let n: AnyNode | null = c; n && !holdingCaptions.has(n); n = n.parent) holdingCaptions.add(n);
  return drop.filter((sel) => !query($, sel).some((el) => holdingCaptions.has(el)));
}

/** The story's container, or null when the page has too few captions to tell a story. */
function storyRoot($: CheerioAPI, ex: SourceConfig['extract'], captions: Element[]): AnyNode[] | null {
  if (captions.length < MIN_CAPTIONS) return null;
  const holdsCaptions = (roots: readonly AnyNode[]): boolean => captions.some((c) => roots.some((r) => holds(r, c)));
  const selected = selectElements($, ex.body)?.value;
  if (selected && holdsCaptions(selected)) return selected;
  const articleBody = query($, '[itemprop="articleBody"]');
  if (articleBody.length > 0 && holdsCaptions(articleBody)) return articleBody;
  // The <article> holding the most captions, else the element holding them all.
  let best: { el: AnyNode; n: number } | null = null;
  for (const el of query($, 'article')) {
    const n = captions.filter((c) => holds(el, c)).length;
    if (n >= MIN_CAPTIONS && (!best || n > best.n)) best = { el, n };
  }
  if (best) return [best.el];
  const common = commonAncestor(captions);
  return common ? [common] : null;
}

/** The page's lines with its captions, or null when it is not a story told in captions. */
export function captionStory(html: string, ex: SourceConfig['extract']): string[] | null {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  dropNonArticle($, []);
  const allCaptions = query($, CAPTIONS).filter((el): el is Element => el.type === 'tag');
  for (const sel of dropsKeepingCaptions($, ex.drop, allCaptions)) $(query($, sel)).remove();
  // Removed elements stay in the walk's list (query.ts); only those still on the page count.
  const captions = allCaptions.filter((el) => holds($.root()[0]!, el));
  const roots = storyRoot($, ex, captions);
  return roots ? paragraphsOf($, roots, { captions: true }) : null;
}
