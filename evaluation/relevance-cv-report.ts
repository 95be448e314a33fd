// The cross-validated relevance report: per development set (excerpts, whole articles), ON
// precision/recall/F1 with `on` as the positive verdict, how many ON texts the borderline band
// keeps (written, as on or borderline), and the false-positive rate of each hard-negative class.
import type { RelevanceVerdict } from '../src/relevance/relevance-types.js';
import { FOLDS, type CvItem, type CvResult } from './relevance-cv.js';
import { KEEP_ON } from './relevance-thresholds.js';
import { metrics, type Metrics } from './relevance-scores.js';

export interface SetFigures {
  set: string;
  m: Metrics;
  /** ON texts written (on or borderline) / ON texts. */
  onWritten: number;
  onTotal: number;
  /** OFF texts in the borderline band (written and flagged for a person). */
  offBorderline: number;
  offTotal: number;
  /** Per hard-negative class: texts, and how many were judged on (false positives). */
  byKind: Map<string, { total: number; accepted: number; written: number }>;
}

export function figures(items: readonly CvItem[], verdict: readonly RelevanceVerdict[], set: string): SetFigures {
  let [tp, fp, fn, tn, onWritten, onTotal, offBorderline, offTotal] = [0, 0, 0, 0, 0, 0, 0, 0];
  const byKind: SetFigures['byKind'] = new Map();
  items.forEach((it, i) => {
    if (set !== 'all' && it.set !== set) return;
    const v = verdict[i]!;
    const on = v === 'on';
    if (it.onTopic) {
      onTotal++;
      if (v !== 'off') onWritten++;
      if (on) tp++;
      else fn++;
      return;
    }
    offTotal++;
    if (v === 'borderline') offBorderline++;
    if (on) fp++;
    else tn++;
    const k = byKind.get(it.kind) ?? { total: 0, accepted: 0, written: 0 };
    k.total++;
    if (on) k.accepted++;
    if (v !== 'off') k.written++;
    byKind.set(it.kind, k);
  });
  return { set, m: metrics(tp, fp, fn, tn), onWritten, onTotal, offBorderline, offTotal, byKind };
}

const f3 = (x: number): string => x.toFixed(3);
const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

export function figuresTable(rows: readonly (SetFigures & { how: string })[]): string[] {
  return [
    '| judged by | set | precision | recall | F1 | TP | FP | FN | TN | ON written (on or borderline) | OFF in the band |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.how} | ${r.set} | ${f3(r.m.precision)} | ${f3(r.m.recall)} | ${f3(r.m.f1)} | ${r.m.tp} | ${r.m.fp} | ${r.m.fn} | ${r.m.tn} | ${r.onWritten} / ${r.onTotal} (${pct(r.onWritten, r.onTotal)}) | ${r.offBorderline} / ${r.offTotal} |`,
    ),
    '',
  ];
}

export function kindTable(r: SetFigures): string[] {
  return [
    '| hard-negative class | texts | judged on (false-positive rate) | written as borderline or on |',
    '|---|---:|---:|---:|',
    ...[...r.byKind.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(
        ([k, v]) => `| ${k} | ${v.total} | ${v.accepted} (${pct(v.accepted, v.total)}) | ${pct(v.written, v.total)} |`,
      ),
    '',
  ];
}

/** How many timed passes: each text's best pass is its cost, the rest is other sessions' load. */
export const TIMED_PASSES = 7;

/**
 * Time of the product's classifier (rules and model) per text after a warm-up pass: per text, the
 * least CPU time of this process over TIMED_PASSES passes (what the classifier costs; a shared
 * machine only ever adds to it), their mean and 95th percentile, and the mean wall time of a pass.
 */
export function timePerText(
  items: readonly CvItem[],
  classify: (i: CvItem) => unknown,
): { cpu: number; p95: number; max: number; wall: number } {
  for (const i of items) classify(i);
  const best = new Array<number>(items.length).fill(Infinity);
  const started = process.hrtime.bigint();
  for (let pass = 0; pass < TIMED_PASSES; pass++)
    items.forEach((it, k) => {
      const c0 = process.cpuUsage();
      classify(it);
      const c = process.cpuUsage(c0);
      best[k] = Math.min(best[k]!, (c.user + c.system) / 1000);
    });
  const n = Math.max(1, items.length);
  const sorted = [...best].sort((a, b) => a - b);
  return {
    cpu: best.reduce((a, b) => a + b, 0) / n,
    p95: sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    wall: Number(process.hrtime.bigint() - started) / 1e6 / n / TIMED_PASSES,
  };
}

/** The cross-validated section of `npm run eval:relevance`. */
export function crossValidatedReport(items: CvItem[], cv: CvResult, rules: readonly RelevanceVerdict[]): string[] {
  const rows = [];
  for (const set of ['excerpts', 'articles', 'vietnews', 'all']) {
    rows.push({ how: `model, ${FOLDS}-fold CV by story`, ...figures(items, cv.verdict, set) });
    rows.push({ how: 'hand rules alone', ...figures(items, rules, set) });
  }
  const t = cv.thresholds.map((x) => `${x.onFrom.toFixed(3)} / ${x.borderlineFrom.toFixed(3)}`).join(', ');
  const chosen = cv.chosen.map((o) => `${o.l2} / ${o.epochs}`).join(', ');
  return [
    `### Cross-validated (${FOLDS} folds, split by story)`,
    '',
    `Weights, probability threshold and borderline band chosen on the training folds only (band from an inner ${FOLDS}-fold CV: ≥ ${KEEP_ON * 100} % of training ON texts written). Thresholds per fold (on from / borderline from): ${t}. Training setting the inner CV chose per fold (L2 / epochs): ${chosen}. The hand rules have no learned parameters but were written with the excerpts in view, so their excerpt figure is a fit, and the model reads their verdict among its features.`,
    '',
    ...figuresTable(rows),
    `Hard-negative classes (labelling guide), false-positive rate under cross-validation, all development sets:`,
    '',
    ...kindTable(figures(items, cv.verdict, 'all')),
  ];
}
