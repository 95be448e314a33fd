// Matching coverage per outlet per day: each page an outlet carried (a story written, or a copy
// of one) counts once, on the Vietnam day it was reported. Borderline stories wait for a person's
// judgement and are not counted as matching; with a rule, only stories that rule matched count.
import type { StoryThread } from '../thread/thread-types.js';
import { reportedAt } from '../thread/thread-types.js';
import type { Coverage } from './brief-model.js';
import { chartDays, dayOf } from './brief-days.js';

export function coverageByOutlet(threads: Iterable<StoryThread>, day: string, rule?: string): Coverage {
  const days = chartDays(day);
  const col = new Map(days.map((d, i) => [d, i]));
  const rows = new Map<string, number[]>();
  const count = (outlet: string, at: string | null): void => {
    const i = col.get(dayOf(at));
    if (i === undefined || !outlet) return;
    let row = rows.get(outlet);
    if (!row) rows.set(outlet, (row = days.map(() => 0)));
    row[i]!++;
  };
  for (const t of threads)
    for (const s of t.stories) {
      if (s.borderline || (rule && !s.matched_rules.includes(rule))) continue;
      count(s.outlet, reportedAt(s));
      for (const c of s.copies) count(c.outlet, reportedAt(c));
    }
  const outlets = [...rows]
    .map(([outlet, counts]) => ({ outlet, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.outlet.localeCompare(b.outlet));
  return { days, outlets };
}
