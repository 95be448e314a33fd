// Cross-validation with each outlet's texts kept in one fold. The relevance hold-out's excerpts
// come from outlets absent from the development set, while a fold split by story alone tests on
// outlets the model was trained on (one outlet holds most of the ON excerpts): its house style,
// bylines and recurring phrases can then carry the verdict. Folding by outlet (joined with the story
// groups, so one story retold by two outlets still shares a fold) asks what the story split cannot:
// does the judgement hold on an outlet it has never read? The inner cross-validation that sets the
// thresholds still splits the training folds by story.
import { crossValidate, FOLDS, type CvItem, type CvResult, type Prepared } from './relevance-cv.js';
import { figures, figuresTable } from './relevance-cv-report.js';
import { unionFind } from './union-find.js';

// The second-level labels under which the recorded hosts register (com.vn, org.vn, co.kr): enough
// for the sets' hosts, not the public-suffix list.
const SECOND_LEVEL = new Set(['com', 'org', 'net', 'co', 'gov', 'edu', 'ac', 'info', 'biz', 'int', 'name', 'pro']);

// Outlets recorded by name (the 2017 articles) as the site the excerpts record by host, and a
// site's second domain: one outlet must not sit in two folds under two spellings.
const SITE_OF_NAME: Record<string, string> = {
  'tin tức (ttxvn)': 'baotintuc.vn',
  vnexpress: 'vnexpress.net',
  'dân trí': 'dantri.com.vn',
  'dân việt': 'danviet.vn',
  vnreview: 'vnreview.vn',
  'báo nghệ an': 'baonghean.vn',
  'giáo dục & thời đại': 'giaoducthoidai.vn',
  'ngôi sao': 'ngoisao.vn',
  vov: 'vov.vn',
  'tuổi trẻ': 'tuoitre.vn',
  'vtc.vn': 'vtcnews.vn',
};

/**
 * The site an outlet belongs to: a host's registrable domain (`amp.vtcnews.vn` and `vtcnews.vn` are
 * one site, `world.kbs.co.kr` and `rki.kbs.co.kr` too), lower-cased; an outlet recorded by name is
 * its site when known, else its name.
 */
export function siteOf(outlet: string): string {
  const name = outlet.trim().toLowerCase().normalize('NFC');
  if (SITE_OF_NAME[name]) return SITE_OF_NAME[name];
  const labels = name.replace(/\.$/, '').split('.').filter(Boolean);
  const keep = labels.length > 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  const site = labels.slice(-keep).join('.');
  return SITE_OF_NAME[site] ?? site;
}

/**
 * Fold groups: the story groups, joined so that every text of one site shares a group. Texts
 * without a recorded outlet keep their story group.
 */
export function outletGroups(items: readonly CvItem[], storyGroups: readonly number[]): number[] {
  const { find, join } = unionFind(items.length);
  const first = new Map<string, number>();
  items.forEach((it, i) => {
    for (const key of [`story ${storyGroups[i]}`, ...(it.outlet ? [`site ${siteOf(it.outlet)}`] : [])]) {
      if (first.has(key)) join(i, first.get(key)!);
      else first.set(key, i);
    }
  });
  return items.map((_, i) => find(i));
}

/** The site holding the most ON texts of `set`: reported apart from the others. */
function largestSite(items: readonly CvItem[], set: string): string | null {
  const on = new Map<string, number>();
  for (const it of items)
    if (it.set === set && it.onTopic && it.outlet) on.set(siteOf(it.outlet), (on.get(siteOf(it.outlet)) ?? 0) + 1);
  return [...on].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** A set is scored by outlet when nearly all its texts record one; else the split is mostly by story. */
const RECORDED = 0.9;

/** Cross-validation folded by outlet, and its report lines for the sets that record outlets. */
export function outletSplitReport(prep: Prepared): { cv: CvResult; lines: string[] } {
  const { items } = prep;
  const cv = crossValidate(prep, { groups: outletGroups(items, prep.groups) });
  const sets = [...new Set(items.map((i) => i.set))];
  const coverage = sets.map((set) => {
    const all = items.filter((i) => i.set === set);
    return { set, recorded: all.filter((i) => i.outlet).length, total: all.length };
  });
  const scored = coverage.filter((c) => c.recorded >= RECORDED * c.total).map((c) => c.set);
  const rows = scored.flatMap((set) => {
    const big = largestSite(items, set);
    const row = (how: string, name: string, keep: (it: CvItem) => boolean) => ({
      how,
      ...figures(
        items.map((it) => (it.set === set && keep(it) ? it : { ...it, set: '' })),
        cv.verdict,
        set,
      ),
      set: name,
    });
    const inBig = (it: CvItem): boolean => !!it.outlet && siteOf(it.outlet) === big;
    return [
      row(`model, ${FOLDS}-fold CV by outlet`, set, () => true),
      ...(big
        ? [
            row('… its largest outlet', `${set}: ${big}`, inBig),
            row('… every other outlet', `${set}: the others`, (it) => !!it.outlet && !inBig(it)),
          ]
        : []),
    ];
  });
  return {
    cv,
    lines: [
      '### Cross-validated by outlet (an outlet never on both sides)',
      '',
      `The same model and choices as above, with every text of one site (and every text of its stories) in one fold: the figure for outlets the model has not read. Texts recording their outlet: ${coverage.map((c) => `${c.set} ${c.recorded} of ${c.total}`).join(', ')}; only sets where at least ${RECORDED * 100} % do are scored here.`,
      '',
      ...(rows.length ? figuresTable(rows) : ['No set records its outlets.', '']),
    ],
  };
}
