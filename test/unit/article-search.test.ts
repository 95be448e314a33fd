// Search over written articles: filters, the rule-language query with Vietnamese folding,
// paging, and the incremental manifest reader (whole lines only, whatever the chunking).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftRule } from '../../config/watchlist-schema.js';
import { searchArticles } from '../../src/search/article-search.js';
import { ManifestIndex } from '../../src/search/manifest-index.js';
import { markRanges } from '../../src/match/match-sentence.js';
import { tempDir } from '../helpers/test-runtime.js';
import { writtenOut } from '../helpers/written-out.js';

const out = writtenOut();
const all = await new ManifestIndex(out).articles();
const ids = (p: { hits: { article: { id: string } }[] }) => p.hits.map((h) => h.article.id.slice(-2));

describe('article search', () => {
  it('lists newest written first and pages without losing or repeating one', async () => {
    const first = await searchArticles(out, all, {}, { offset: 0, limit: 3 });
    expect(ids(first)).toEqual(['a4', 'a3', 'a2']);
    expect(first.more).toBe(true);
    const second = await searchArticles(out, all, {}, { offset: 3, limit: 3 });
    expect(ids(second)).toEqual(['a1']);
    expect(second.more).toBe(false);
  });

  it("matches the query with the rules' folding and highlights the sentence", async () => {
    const page = await searchArticles(
      out,
      all,
      { query: draftRule('"TẬP TRẬN" AND seoul') },
      { offset: 0, limit: 10, countAll: true },
    );
    expect(ids(page)).toEqual(['a1']);
    expect(page.total).toBe(1);
    // The article whose text retention removed cannot match, and is counted as such.
    expect(page.textMissing).toBe(1);
    const m = page.hits[0]!.match!;
    expect(markRanges(m, (s) => `[${s}]`)).toContain('[tập trận]');
  });

  it('filters by outlet, rule, Vietnam day and borderline', async () => {
    expect(ids(await searchArticles(out, all, { outlet: 'tinthu' }, { offset: 0, limit: 10 }))).toEqual(['a3', 'a2']);
    expect(ids(await searchArticles(out, all, { rule: 'kidd' }, { offset: 0, limit: 10 }))).toEqual(['a3']);
    expect(ids(await searchArticles(out, all, { borderlineOnly: true }, { offset: 0, limit: 10 }))).toEqual(['a2']);
    // 2026-08-20T23:30Z is the 21st in Vietnam.
    expect(
      ids(await searchArticles(out, all, { from: '2026-08-21', to: '2026-08-21' }, { offset: 0, limit: 10 })),
    ).toEqual(['a2', 'a1']);
  });
});

describe('manifest index', () => {
  it('reads only whole lines, and the same rows however the manifest was appended', async () => {
    const text = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 6 }), async (cuts) => {
        const dir = tempDir('tw-index');
        writeFileSync(path.join(dir, 'manifest.jsonl'), '');
        const index = new ManifestIndex(dir);
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          appendFileSync(path.join(dir, 'manifest.jsonl'), text.slice(at, cut));
          at = cut;
          const rows = await index.articles();
          // Never a row for a line still being written.
          expect(rows.length).toBe(text.slice(0, cut).split('\n').length - 1);
        }
        appendFileSync(path.join(dir, 'manifest.jsonl'), text.slice(at));
        expect((await index.articles()).map((r) => r.id)).toEqual(all.map((r) => r.id));
      }),
      { numRuns: 40 },
    );
  });
});
