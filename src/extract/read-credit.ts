// The credit line (author, agency) the article is signed with: the source's selector (its line is
// taken out of the body), else a last line matching the source's credit pattern, else — on a page
// read without a source file — the author the metadata names where the page prints it, a byline
// line ending the article, or an element the page marks as its byline.
import { paragraphKey } from '../text/normalize.js';
import { byRule, bySelector, firstCandidate, type FieldPick } from './first-candidate.js';
import type { PageMetadata } from './page-metadata.js';
import { findPrinted, isPrintedByline, printedBylineBlock, type PrintedBlock } from './printed-metadata.js';
import type { CleanBody } from './clean-body.js';

/** The credit's text and the body line it was read from (removed from the body), if any. */
export interface Credit {
  text: string;
  bodyLine: number | null;
}

export function readCredit(
  body: CleanBody,
  selected: { value: string; selector: string } | null,
  creditPatterns: readonly RegExp[],
  readAsGeneric: boolean,
  meta: PageMetadata,
  printed: () => PrintedBlock[],
): FieldPick<Credit> | null {
  const lineOf = (text: string): number | null => {
    const at = body.keys.indexOf(paragraphKey(text));
    return at >= 0 ? at : null;
  };
  const lastAt = body.lines.length - 1;
  const last = body.lines[lastAt];
  return firstCandidate<Credit>(
    bySelector(
      selected
        ? { value: { text: selected.value, bodyLine: lineOf(selected.value) }, selector: selected.selector }
        : null,
    ),
    byRule('pattern', () =>
      last && creditPatterns.some((re) => re.test(last)) ? { text: last, bodyLine: lastAt } : null,
    ),
    byRule('printed author', () => {
      const shown = readAsGeneric && meta.author ? findPrinted(printed(), meta.author) : null;
      return shown ? { text: shown, bodyLine: lineOf(shown) } : null;
    }),
    // No metadata names the author; the page signs the article with a byline line at its end.
    byRule('printed byline', () =>
      readAsGeneric && last && body.lines.length > 1 && isPrintedByline(last, printed())
        ? { text: last, bodyLine: lastAt }
        : null,
    ),
    // …or in an element named as the byline, above or below the body.
    byRule('printed byline', () => {
      const block = readAsGeneric ? printedBylineBlock(printed()) : null;
      return block ? { text: block, bodyLine: null } : null;
    }),
  );
}

/** The body without the credit's line. */
export function withoutCredit(body: CleanBody, credit: Credit | null): CleanBody {
  if (credit === null || credit.bodyLine === null) return body;
  const keep = (_: string, i: number): boolean => i !== credit.bodyLine;
  return { lines: body.lines.filter(keep), keys: body.keys.filter(keep) };
}
