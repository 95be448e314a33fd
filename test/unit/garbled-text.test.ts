import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.js';
import { countGarble, isGarbled } from '../../src/text/garbled-text.js';
import { goldenCases } from '../helpers/fixtures.js';
import { testSource } from '../helpers/test-source.js';
import { readFileSync } from 'node:fs';

const TONED = 'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵđĐƯƠ';
const sentence = fc
  .array(fc.constantFrom(...'abcdeghiklmnopqrstuvxy '.split(''), ...TONED.split('')), {
    minLength: 60,
    maxLength: 600,
  })
  .map((cs) => cs.join(''));

describe('countGarble', () => {
  it('finds nothing out of place in Vietnamese, NFC or NFD, with Korean names and typographic quotes', () => {
    fc.assert(
      fc.property(sentence, fc.boolean(), (s, nfd) => {
        const text = `“${nfd ? s.normalize('NFD') : s}” – Yoon Suk-yeol (윤석열) nói…`;
        expect(countGarble(text).outOfPlace).toBe(0);
      }),
    );
  });

  it('calls Vietnamese UTF-8 read as any single-byte Western charset garbled', () => {
    fc.assert(
      fc.property(sentence, fc.constantFrom('windows-1252', 'windows-1258', 'latin1'), (s, cs) => {
        fc.pre([...s].filter((c) => TONED.includes(c)).length >= 10);
        expect(isGarbled(countGarble(iconv.decode(Buffer.from(s, 'utf8'), cs)))).toBe(true);
      }),
    );
  });

  it('lets a few foreign names through', () => {
    const text = `${'Bộ trưởng Quốc phòng nói về đồng minh Hàn Quốc – Mỹ. '.repeat(5)}Müller, Gonçalves, Ørsted.`;
    expect(isGarbled(countGarble(text))).toBe(false);
  });
});

describe('extraction refuses mojibake', () => {
  it('fails a page whose text was decoded with the wrong charset, naming the reason', () => {
    const golden = goldenCases().find((c) => c.onTopic)!;
    const page = readFileSync(golden.pageFile, 'utf8');
    const misread = iconv.decode(Buffer.from(page, 'utf8'), 'windows-1258');
    const res = extractArticle(misread, golden.url, testSource(new URL(golden.url).hostname));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.reason).toMatch(
      /looks wrongly decoded \(\d+ of \d+ non-ASCII characters are marks of a wrong decode\): not written/,
    );
    expect(extractArticle(page, golden.url, testSource(new URL(golden.url).hostname)).ok).toBe(true);
  });
});
