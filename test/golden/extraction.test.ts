// Golden extraction: every recorded article page gives exactly its expected seed-format text and
// fields; the seed pages also through the real CLI (`tinwatch extract`), as a user would run it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadSources, sourceForUrl } from '../../config/load-sources.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { renderArticleText } from '../../src/write/article-text.js';
import { classifyRelevance } from '../../src/relevance/classify-relevance.js';
import { goldenCases } from '../helpers/fixtures.js';
import { referenceMissing, SEEDS_DIR, seedPath } from '../../evaluation/reference-material.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
const cases = goldenCases();

describe('golden extraction', () => {
  it('has at least three cases for each spine source and one per seed', () => {
    const per = (id: string) => cases.filter((c) => c.sourceId === id).length;
    expect(per('vnexpress')).toBeGreaterThanOrEqual(3);
    expect(per('baotintuc')).toBeGreaterThanOrEqual(3);
    expect(per('kbs-vietnamese')).toBeGreaterThanOrEqual(3);
    expect(
      cases
        .filter((c) => c.seed)
        .map((c) => c.seed)
        .sort(),
    ).toEqual([
      '000_af8e3c8afcbec8d7.txt',
      '001_6e93f638146214dd.txt',
      '002_a49628ed399f9ad6.txt',
      '003_69ea108cfccae866.txt',
      '004_e7a8390db07d33a4.txt',
    ]);
  });

  it('has, for every watched outlet, at least three recorded articles including an off-topic one', () => {
    for (const s of loadSources().filter((x) => x.id !== 'military-com-vn')) {
      const mine = cases.filter((c) => c.sourceId === s.id);
      expect(mine.length, s.id).toBeGreaterThanOrEqual(3);
      expect(
        mine.some((c) => !c.onTopic),
        `${s.id} off-topic case`,
      ).toBe(true);
    }
    expect(loadSources().length).toBeGreaterThanOrEqual(12);
  });

  for (const c of cases) {
    it(`${c.sourceId}/${c.name}`, () => {
      const source = sourceForUrl(c.url);
      expect(source?.id).toBe(c.sourceId);
      const res = extractArticle(readFileSync(c.pageFile, 'utf8'), c.url, source!);
      if (!res.ok) throw new Error(res.reason);
      const a = res.article;
      expect(renderArticleText(a)).toBe(c.expectedText);
      expect({
        title: a.title,
        lead: a.lead,
        credit: a.credit,
        publishedAt: a.publishedAt,
        author: a.author,
        section: a.section,
        paragraphs: a.paragraphs.length,
        fallbacks: a.fallbacks,
      }).toEqual(c.fields);
      expect(classifyRelevance({ title: a.title, lead: a.lead, body: a.paragraphs }).onTopic).toBe(c.onTopic);
    });
  }
});

describe('golden text keeps the output contract', () => {
  for (const c of cases) {
    it(`${c.sourceId}/${c.name} is NFC, \\n-only, no trailing newline or spaces, no boilerplate`, () => {
      const t = c.expectedText;
      expect(t.normalize('NFC')).toBe(t);
      expect(t).not.toMatch(/\r|[ \t]+$|^\uFEFF/m);
      expect(t.endsWith('\n')).toBe(false);
      expect(t).not.toMatch(/\n{3}/);
      expect(t).not.toMatch(/Chia sẻ:|Chú thích ảnh|Các đơn vị thông tin của TTXVN|Tin Mới Nhất|Photo :/);
      const lines = t.split('\n\n');
      expect(new Set(lines).size).toBe(lines.length); // no paragraph written twice
    });
  }
});

// The seed files themselves are third-party text, read in place; without them this block skips.
const seedsMissing = referenceMissing(SEEDS_DIR, 'the seed files');
if (seedsMissing) process.stderr.write(`extraction seed cases: ${seedsMissing}\n`);

describe.skipIf(seedsMissing !== null)('seed cases against the seeds themselves', () => {
  const norm = (s: string) =>
    s
      .replace(/\u00a0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  for (const c of cases.filter((x) => x.seed)) {
    it(`${c.seed}: every written paragraph is the seed's own text (only the title may be added)`, () => {
      const seed = norm(readFileSync(seedPath(c.seed!), 'utf8'));
      const paras = c.expectedText.split('\n\n').slice(1);
      for (const p of paras) expect(seed).toContain(norm(p));
    });
  }
});

describe('tinwatch extract (CLI)', () => {
  for (const c of cases.filter((x) => x.seed)) {
    it(`prints the golden text for ${c.seed}`, async () => {
      const { stdout } = await run(process.execPath, [BIN, 'extract', c.pageFile, '--url', c.url]);
      expect(stdout).toBe(c.expectedText);
    });
  }

  it('exits 1 with the reason for a page with no article', async () => {
    const empty = path.join(import.meta.dirname, '../../app/demo/sites/vnexpress.net/the-gioi/quan-su');
    await expect(
      run(process.execPath, [BIN, 'extract', empty, '--url', 'https://vnexpress.net/x-1234567.html']),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no article body found'),
    });
  });
});
