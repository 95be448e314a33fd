// The project's golden cases: <fixtures>/<sourceId>/<case>.expected.{txt,json}, each naming its
// page in the demo's recorded site tree, so the replay server and the golden checks read the very
// same bytes. Regression material written here, never an accuracy figure.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface GoldenCase {
  sourceId: string;
  name: string;
  url: string;
  pageFile: string;
  onTopic: boolean;
  expectedText: string;
  fields: {
    title: string;
    lead: string | null;
    credit: string | null;
    publishedAt: string | null;
    author: string | null;
    section: string | null;
    paragraphs: number;
    fallbacks: string[];
  };
}

/** Every golden case under `fixturesDir`, pages resolved in `sitesDir`, in a stable order. */
export function readGoldenCases(fixturesDir: string, sitesDir: string): GoldenCase[] {
  const out: GoldenCase[] = [];
  for (const dir of readdirSync(fixturesDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(path.join(fixturesDir, dir.name))) {
      if (!f.endsWith('.expected.json')) continue;
      const base = path.join(fixturesDir, dir.name, f.replace(/\.expected\.json$/, ''));
      const meta = JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as {
        url: string;
        page: string;
        onTopic: boolean;
        fields: GoldenCase['fields'];
      };
      out.push({
        sourceId: dir.name,
        name: path.basename(base),
        url: meta.url,
        pageFile: path.join(sitesDir, meta.page.replace(/^sites\//, '')),
        onTopic: meta.onTopic,
        expectedText: readFileSync(`${base}.expected.txt`, 'utf8'),
        fields: meta.fields,
      });
    }
  }
  return out.sort((a, b) => `${a.sourceId}/${a.name}`.localeCompare(`${b.sourceId}/${b.name}`));
}
