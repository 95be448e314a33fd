// The article text file, in the format of the user's seed files: title, blank line, lead, body
// paragraphs one per line with one blank line between, credit last; UTF-8 NFC, \n line ends, no
// trailing newline or spaces.
import { cleanLine } from '../text/normalize.js';

export interface ArticleText {
  title: string;
  lead: string | null;
  paragraphs: readonly string[];
  credit: string | null;
}

export function renderArticleText(a: ArticleText): string {
  const blocks = [a.title, a.lead ?? '', ...a.paragraphs, a.credit ?? '']
    .map((b) => cleanLine(b))
    .filter((b) => b.length > 0);
  return blocks.join('\n\n').normalize('NFC');
}
