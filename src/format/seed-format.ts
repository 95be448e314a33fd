// The output contract (DESIGN.md §2): title, blank line, lead, body paragraphs one per line with
// one blank line between, credit last; UTF-8 NFC, \n line ends, no trailing newline or spaces.
import { cleanLine } from '../text/normalize.js';

export interface SeedText {
  title: string;
  lead: string | null;
  paragraphs: readonly string[];
  credit: string | null;
}

export function renderSeedText(a: SeedText): string {
  const blocks = [a.title, a.lead ?? '', ...a.paragraphs, a.credit ?? '']
    .map((b) => cleanLine(b))
    .filter((b) => b.length > 0);
  return blocks.join('\n\n').normalize('NFC');
}
