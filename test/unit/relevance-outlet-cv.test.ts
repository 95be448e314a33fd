// Folding by outlet: a site's hosts are one outlet, and an outlet's texts never straddle folds,
// nor do the texts of one story told by two outlets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storyFolds } from '../../evaluation/story-folds.js';
import { outletGroups, siteOf } from '../../evaluation/relevance-outlet-cv.js';
import type { CvItem } from '../../evaluation/relevance-cv.js';

const item = (id: string, outlet?: string, onTopic = false): CvItem => ({
  id,
  set: 'excerpts',
  onTopic,
  kind: 'other',
  input: { title: id, lead: null, body: [] },
  outlet,
});

describe('siteOf', () => {
  it('reads a host as its registrable domain', () => {
    expect(siteOf('amp.vtcnews.vn')).toBe('vtcnews.vn');
    expect(siteOf('vtcnews.vn')).toBe('vtcnews.vn');
    expect(siteOf('world.kbs.co.kr')).toBe('kbs.co.kr');
    expect(siteOf('rki.kbs.co.kr')).toBe('kbs.co.kr');
    expect(siteOf('dttc.sggp.org.vn')).toBe('sggp.org.vn');
    expect(siteOf('M.BaoGiaLai.com.vn.')).toBe('baogialai.com.vn');
    expect(siteOf('bbc.com')).toBe('bbc.com');
  });

  it('reads an outlet recorded by name, or under a second domain, as the site the others record', () => {
    expect(siteOf('Tin Tức (TTXVN)')).toBe(siteOf('baotintuc.vn'));
    expect(siteOf('Dân trí')).toBe(siteOf('dantri.com.vn'));
    expect(siteOf('amp.vtc.vn')).toBe(siteOf('vtcnews.vn'));
    expect(siteOf('Báo Nghệ An')).toBe(siteOf('m.baonghean.vn'));
    expect(siteOf('Một tờ báo chưa biết')).toBe('một tờ báo chưa biết');
  });

  it('is idempotent and ignores subdomains', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), label, (parts, sub) => {
        const host = parts.join('.');
        expect(siteOf(siteOf(host))).toBe(siteOf(host));
        if (parts.length >= 3) expect(siteOf(`${sub}.${host}`)).toBe(siteOf(host));
      }),
    );
  });
});

describe('outletGroups', () => {
  it('keeps an outlet in one fold, and a story told by two outlets with both', () => {
    const items = [
      item('a1', 'world.kbs.co.kr', true),
      item('a2', 'rki.kbs.co.kr', true),
      item('b1', 'vtcnews.vn', true),
      item('b2', 'amp.vtcnews.vn'),
      item('c1', 'nld.com.vn'),
      item('d1', 'soha.vn', true),
      item('e1'),
      item('e2'),
    ];
    // c1 and d1 tell one story; e1 and e2 (no outlet) are two stories.
    const stories = [0, 1, 2, 3, 4, 4, 6, 7];
    const groups = outletGroups(items, stories);
    expect(groups[0]).toBe(groups[1]);
    expect(groups[2]).toBe(groups[3]);
    expect(groups[4]).toBe(groups[5]);
    expect(new Set(groups).size).toBe(5);
    const fold = storyFolds(
      groups,
      items.map((i) => i.onTopic),
      3,
    );
    expect(fold[0]).toBe(fold[1]);
    expect(fold[4]).toBe(fold[5]);
    expect(fold[0]).not.toBe(fold[2]);
  });
});
