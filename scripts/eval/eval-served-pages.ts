// npm run eval:served: each outlet's selectors against a page that outlet served, kept by a
// public repository and read in place from its snapshot (evaluation/served-pages.ts). Pages
// without truth labels, so the check is the page's own word: the title against its headline,
// the lead against its description, the body's size, and the fields that fell back.
import { checkServedPage, SERVED_PAGES, SNAPSHOTS_DIR } from '../../evaluation/served-pages.js';

if (!SNAPSHOTS_DIR) {
  process.stdout.write('eval:served skipped: needs TINWATCH_SNAPSHOTS (a folder of repository snapshots)\n');
  process.exit(0);
}
const yes = (b: boolean | undefined): string => (b === undefined ? '—' : b ? 'yes' : 'no');
process.stdout.write(
  '| outlet | page (repository, path, commit) | read with | title = headline | lead = description | paragraphs | body chars | fallbacks |\n|---|---|---|---|---|---:|---:|---|\n',
);
for (const page of SERVED_PAGES) {
  const c = checkServedPage(page);
  const where = `${page.repo}, \`${page.path}\`, ${page.commit.slice(0, 7)}`;
  if (c.missing) process.stdout.write(`| ${page.outlet} | ${where} | — | — | — | — | — | ${c.missing} |\n`);
  else if (c.refused)
    process.stdout.write(`| ${page.outlet} | ${where} | ${c.source} | — | — | 0 | 0 | refused: ${c.refused} |\n`);
  else
    process.stdout.write(
      `| ${page.outlet} | ${where} | ${c.source} | ${yes(c.titleIsHeadline)} | ${yes(c.leadIsDescription)} | ${c.paragraphs} | ${c.bodyChars} | ${c.fallbacks!.join(', ') || '—'} |\n`,
    );
}
