// Golden cases: test/fixtures/<sourceId>/<case>.expected.{txt,json}; the page itself lives in the
// recorded site tree (test/fixtures/sites/<host>/<path>) so the replay server and the golden
// tests read the very same bytes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
export const SITES = path.join(FIXTURES, 'sites');

export interface GoldenCase {
  sourceId: string;
  name: string;
  url: string;
  pageFile: string;
  seed: string | null;
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

export function goldenCases(): GoldenCase[] {
  const out: GoldenCase[] = [];
  for (const dir of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'sites') continue;
    for (const f of readdirSync(path.join(FIXTURES, dir.name))) {
      if (!f.endsWith('.expected.json')) continue;
      const base = path.join(FIXTURES, dir.name, f.replace(/\.expected\.json$/, ''));
      const meta = JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as {
        url: string;
        page: string;
        seed: string | null;
        onTopic: boolean;
        fields: GoldenCase['fields'];
      };
      out.push({
        sourceId: dir.name,
        name: path.basename(base),
        url: meta.url,
        pageFile: path.join(FIXTURES, meta.page),
        seed: meta.seed,
        onTopic: meta.onTopic,
        expectedText: readFileSync(`${base}.expected.txt`, 'utf8'),
        fields: meta.fields,
      });
    }
  }
  return out.sort((a, b) => `${a.sourceId}/${a.name}`.localeCompare(`${b.sourceId}/${b.name}`));
}
