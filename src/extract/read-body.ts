// The body's paragraphs: the source's selectors when they find a real body; else the densest
// block of prose on the page (density-body.ts); else the schema.org articleBody; else whatever
// short text the selectors found (a short article).
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { SourceConfig } from '../../config/source-schema.js';
import { cleanLine } from '../text/normalize.js';
import { densestBlock } from './density-body.js';
import { byFallback, bySelector, firstCandidate, type FieldPick } from './first-candidate.js';
import type { PageMetadata } from './page-metadata.js';
import { paragraphsOf } from './paragraphs.js';
import { selectElements } from './select.js';

export const MIN_BODY_CHARS = 200;

/** `lines.join(' ').length`, without building the string. */
export function joinedLength(lines: readonly string[]): number {
  let n = Math.max(0, lines.length - 1);
  for (const l of lines) n += l.length;
  return n;
}

/** Whether one of `inner` is inside (or is) one of `outer`. */
function containsAny(outer: readonly AnyNode[], inner: readonly AnyNode[]): boolean {
  const set = new Set<AnyNode>(outer);
  return inner.some((node) => {
    for (let n: AnyNode | null = node; n; n = n.parent) if (set.has(n)) return true;
    return false;
  });
}

export function readBody($: CheerioAPI, ex: SourceConfig['extract'], meta: PageMetadata): FieldPick<string[]> | null {
  const hit = selectElements($, ex.body);
  const selected = hit ? { value: paragraphsOf($, hit.value as AnyNode[]), selector: hit.selector } : null;
  const long = (p: string[] | null | undefined): string[] | null => (p && joinedLength(p) >= MIN_BODY_CHARS ? p : null);
  let dense: AnyNode[] | null | undefined;
  const densest = (): AnyNode[] | null => (dense === undefined ? (dense = densestBlock($)) : dense);
  return firstCandidate<string[]>(
    bySelector(selected && long(selected.value) ? selected : null),
    byFallback('density', () => {
      const block = densest();
      // A short body the selector found inside what the generic finder picks is a short article,
      // not a miss: the selector's reading stands.
      const selectedInside =
        hit !== null && selected!.value.length > 0 && block !== null && containsAny(block, hit.value as AnyNode[]);
      return selectedInside || !block ? null : long(paragraphsOf($, block));
    }),
    byFallback('json-ld', () =>
      meta.articleBody && meta.articleBody.length >= MIN_BODY_CHARS
        ? meta.articleBody.split(/\n+/).map(cleanLine).filter(Boolean)
        : null,
    ),
    // Too short for a body, but what the selectors found: the page gates say why it is refused.
    () => (selected ? { value: selected.value, via: selected.selector, fallback: false } : null),
  );
}
