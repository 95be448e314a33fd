// Golden extraction: every recorded article page gives exactly its expected seed-format text and
// fields; every written block is the page's own visible words, none of the page's noise is; one
// page per kind of noise also through the real CLI (`tinwatch extract`), as a user would run it.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadSources, sourceForUrl } from '../../config/load-sources.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { renderArticleText } from '../../src/write/article-text.js';
import { classifyRelevance } from '../../src/relevance/classify-relevance.js';
import { goldenCases, type GoldenCase } from '../helpers/fixtures.js';
import { NOISE_PATTERNS, visibleText } from '../helpers/noise-patterns.js';
import { referenceMissing, SEEDS_DIR } from '../../evaluation/reference-material.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
const cases = goldenCases();

describe('golden extraction', () => {
  it('has at least three cases for each spine source', () => {
    const per = (id: string) => cases.filter((c) => c.sourceId === id).length;
    expect(per('vnexpress')).toBeGreaterThanOrEqual(3);
    expect(per('baotintuc')).toBeGreaterThanOrEqual(3);
    expect(per('kbs-vietnamese')).toBeGreaterThanOrEqual(3);
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

// The pages the golden texts come from, parsed once.
const pages = cases.map((c) => {
  const html = readFileSync(c.pageFile, 'utf8');
  return { c, html, $: cheerio.load(html) };
});
const noiseIn = (p: (typeof pages)[number]) =>
  Object.entries(NOISE_PATTERNS).map(([name, n]) => ({ name, pattern: n, found: n.found(p.$, p.html) }));

describe("golden text is the page's own words, and none of its noise", () => {
  it('has a case for every kind of page noise', () => {
    for (const [name, n] of Object.entries(NOISE_PATTERNS))
      expect(
        pages.some((p) => n.found(p.$, p.html).length > 0),
        `${name}: ${n.what}`,
      ).toBe(true);
  });

  for (const p of pages) {
    it(`${p.c.sourceId}/${p.c.name}: every written block is in the page's visible text, no noise is`, () => {
      const visible = visibleText(p.$);
      const blocks = p.c.expectedText.split('\n\n');
      for (const b of blocks) expect(visible, b.slice(0, 60)).toContain(b);
      for (const { name, pattern, found } of noiseIn(p))
        if (found.length > 0) expect(pattern.leftOut(blocks, found), `${name}: ${found[0]}`).toBe(true);
    });
  }
});

// The seed files are the user's examples of the output format, third-party text read in place;
// without them this block skips. Only their layout is compared, never their words.
const seedsMissing = referenceMissing(SEEDS_DIR, 'the seed files');
if (seedsMissing) process.stderr.write(`extraction seed format: ${seedsMissing}\n`);

describe.skipIf(seedsMissing !== null)('golden text is laid out like the seed files', () => {
  const seeds = () =>
    readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8'));

  it('has every encoding property that all the seed files have', () => {
    const properties: Record<string, (t: string) => boolean> = {
      NFC: (t) => t.normalize('NFC') === t,
      '\\n line ends': (t) => !t.includes('\r'),
      'no BOM': (t) => !t.startsWith('\uFEFF'),
      'no trailing newline': (t) => !t.endsWith('\n'),
      'no trailing spaces': (t) => !/[ \t]+$/m.test(t),
    };
    const all = seeds();
    const shared = Object.entries(properties).filter(([, holds]) => all.every(holds));
    expect(shared.length).toBeGreaterThanOrEqual(3);
    for (const [name, holds] of shared)
      for (const c of cases) expect(holds(c.expectedText), `${c.name}: ${name}`).toBe(true);
  });

  it('opens with a one-line title and writes every block on one line, as the seeds in blocks do', () => {
    const titleLike = (b: string) => b.length > 0 && b.length <= 200 && !b.includes('\n') && !/[.:;,]$/.test(b);
    const inBlocks = seeds().filter((t) => t.split('\n\n').length >= 3);
    expect(inBlocks.length).toBeGreaterThan(0);
    for (const t of inBlocks) {
      const [title, lead] = t.split('\n\n');
      expect(titleLike(title!)).toBe(true);
      expect(lead).not.toContain('\n');
    }
    for (const c of cases) {
      const blocks = c.expectedText.split('\n\n');
      expect(titleLike(blocks[0]!), c.name).toBe(true);
      for (const b of blocks) expect(b, c.name).not.toContain('\n');
    }
  });

  it('ends with the credit on a line of its own, as short as the seeds print it', () => {
    const creditLike = /^(?:[\p{L} ]+ \(TTXVN\)|TTXVN\/[\p{L} ]+)$/u;
    const seedCredits = seeds()
      .flatMap((t) => t.split('\n'))
      .filter((l) => creditLike.test(l));
    expect(seedCredits.length).toBeGreaterThan(0);
    const longest = Math.max(...seedCredits.map((l) => l.length));
    for (const c of cases.filter((x) => x.fields.credit)) {
      const last = c.expectedText.split('\n\n').at(-1)!;
      expect(last, c.name).toBe(c.fields.credit);
      expect(last.length, c.name).toBeLessThanOrEqual(Math.max(longest, 60));
    }
  });
});

describe('tinwatch extract (CLI)', () => {
  // One page for each kind of noise, the first case whose page carries it.
  const picked = new Set<GoldenCase>();
  for (const n of Object.values(NOISE_PATTERNS)) {
    const p = pages.find((x) => n.found(x.$, x.html).length > 0);
    if (p) picked.add(p.c);
  }
  for (const c of picked) {
    it(`prints the golden text for ${c.sourceId}/${c.name}`, async () => {
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
