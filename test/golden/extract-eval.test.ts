// The extraction-quality targets of `npm run eval:extract`, held on every golden page.
import { describe, expect, it } from 'vitest';
import { scoreGolden, summarize, tokenPrf } from '../../evaluation/extraction-scores.js';
import { goldenCases } from '../helpers/fixtures.js';

describe('eval:extract', () => {
  it('meets the targets: body F1 ≥ 0.97 mean and ≥ 0.90 each, title ≥ 99 %, date ≥ 98 %', () => {
    const s = summarize(goldenCases().map((g) => scoreGolden(g)));
    expect(s.meanF1).toBeGreaterThanOrEqual(0.97);
    expect(s.minF1).toBeGreaterThanOrEqual(0.9);
    expect(s.title).toBeGreaterThanOrEqual(0.99);
    expect(s.date).toBeGreaterThanOrEqual(0.98);
  });

  it('scores token overlap as a multiset, ignoring case and tone placement', () => {
    expect(tokenPrf('Hòa bình hòa bình', 'hoà bình')).toMatchObject({ precision: 0.5, recall: 1 });
    expect(tokenPrf('', '')).toMatchObject({ f1: 1 });
    expect(tokenPrf('a b', '').recall).toBe(1);
    expect(tokenPrf('', 'a').f1).toBe(0);
  });
});
