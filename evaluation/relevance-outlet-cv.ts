// Cross-validation with each outlet's texts kept in one fold. The relevance hold-out's excerpts
// come from outlets absent from the development set, while a fold split by story alone tests on
// outlets the model was trained on (one outlet holds most of the ON excerpts): its house style,
// bylines and recurring phrases can then carry the verdict. Folding by outlet (joined with the story
// groups, so one story retold by two outlets still shares a fold) asks what the story split cannot:
// does the judgement hold on an outlet it has never read?
import { crossValidate, type CvItem, type CvResult, type Prepared } from './relevance-cv.js';
import { figures, figuresTable } from './relevance-cv-report.js';

const SECOND_LEVEL = new Set(['com', 'org', 'net', 'co', 'gov', 'edu', 'ac']);

/**
 * The site an outlet belongs to: a host's registrable domain (`amp.vtcnews.vn` and `vtcnews.vn` are
 * one site, `world.kbs.co.kr` and `rki.kbs.co.kr` too), lower-cased; an outlet recorded by name is
 * its name.
 */
export function siteOf(host: string): string {
  const labels = host.trim().toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const keep = SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * Fold groups: the story groups, joined so that every text of one site shares a group. Texts
 * without a recorded outlet keep their story group.
 */
export function outletGroups(items: readonly CvItem[], storyGroups: readonly number[]): number[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number): void => void (parent[find(a)] = find(b));
  const firstOfStory = new Map<number, number>();
  const firstOfSite = new Map<string, number>();
  items.forEach((it, i) => {
    const g = storyGroups[i]!;
    if (firstOfStory.has(g)) join(i, firstOfStory.get(g)!);
    else firstOfStory.set(g, i);
    if (!it.outlet) return;
    const site = siteOf(it.outlet);
    if (firstOfSite.has(site)) join(i, firstOfSite.get(site)!);
    else firstOfSite.set(site, i);
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

/** Cross-validation folded by outlet, and its report lines for the sets that record outlets. */
export function outletSplitReport(prep: Prepared): { cv: CvResult; lines: string[] } {
  const { items } = prep;
  const cv = crossValidate(prep, undefined, undefined, outletGroups(items, prep.groups));
  const sets = [...new Set(items.filter((i) => i.outlet).map((i) => i.set))];
  const rows = sets.flatMap((set) => {
    const big = largestSite(items, set);
    const pick = (keep: (it: CvItem) => boolean): CvItem[] =>
      items.map((it) => (it.set === set && keep(it) ? it : { ...it, set: '' }));
    const row = (how: string, name: string, keep: (it: CvItem) => boolean) => ({
      how,
      ...figures(pick(keep), cv.verdict, set),
      set: name,
    });
    return [
      row('model, 5-fold CV by outlet', set, () => true),
      ...(big
        ? [
            row('… its largest outlet', `${set}: ${big}`, (it) => !!it.outlet && siteOf(it.outlet) === big),
            row('… every other outlet', `${set}: the others`, (it) => !it.outlet || siteOf(it.outlet) !== big),
          ]
        : []),
    ];
  });
  return {
    cv,
    lines: [
      '### Cross-validated by outlet (an outlet never on both sides)',
      '',
      'The same model and choices as above, with every text of one site (and every text of its stories) in one fold: the figure for outlets the model has not read.',
      '',
      ...figuresTable(rows),
    ],
  };
}
