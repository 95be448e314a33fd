// Every real article URL is accepted: each source's URL rules against every real feed item of its
// outlet (2026 RSS items, read in place). At least 99.5 % taken, and each refusal one the source
// declares (notArticleUrls, such as e-paper issues). Without the material this skips with one line.
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import { articleCandidates } from '../../crawlers/discovery/article-candidates.js';
import { feedItemsMissing, scoreFeedItemUrls } from '../../evaluation/feed-item-urls.js';

const missing = feedItemsMissing();
if (missing) process.stderr.write(`feed-item-urls: ${missing}\n`);

describe.skipIf(missing !== null)('source URL rules on the real feed items of 2026', () => {
  const scores = missing ? [] : scoreFeedItemUrls();

  it('covers the configured outlets that the feed items carry', () => {
    expect(scores.length).toBeGreaterThanOrEqual(10);
  });

  it('accepts ≥ 99.5 % of each outlet’s items, and refuses only what the source declares', () => {
    for (const s of scores) {
      expect(s.accepted / s.items, `${s.source}: ${s.refused.map((r) => r.url).join(' ')}`).toBeGreaterThanOrEqual(
        0.995,
      );
      for (const r of s.refused) expect(r.declared, `${s.source} refuses ${r.url}: ${r.why}`).toBe(true);
    }
  });
});

describe('declared refusals', () => {
  it('refuses a link the source declares not an article, and says why', () => {
    const tienphong = loadSources().find((s) => s.id === 'tienphong')!;
    const refused: string[] = [];
    const got = articleCandidates(
      tienphong,
      [{ url: 'https://tienphong.vn/epaper/2026/TP-1/' }, { url: 'https://tienphong.vn/a-b-post123.tpo' }],
      (_url, why) => refused.push(why),
    );
    expect(got.map((c) => c.canonicalUrl)).toEqual(['https://tienphong.vn/a-b-post123.tpo']);
    expect(refused).toEqual(['an e-paper issue (page images), not an article']);
  });
});
