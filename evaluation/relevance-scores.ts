// Scores the relevance classifier: on the project's own labelled set (a regression test, not an
// accuracy figure) and on the labelled real material (real-relevance-sets.ts). "Predicted on"
// is the verdict `on`; borderline stories are counted apart, since a person judges them.
import { classifyRelevance, type RelevanceResult } from '../src/relevance/classify-relevance.js';
import type { EvalArticle } from './own-eval-set.js';
import type { RealItem } from './real-relevance-sets.js';

export interface Metrics {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function metrics(tp: number, fp: number, fn: number, tn = 0): Metrics {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

export interface EvalError {
  id: string;
  kind: string;
  expected: boolean;
  verdict: RelevanceResult['verdict'];
  score: number;
  reason: string;
  topTerms: string[];
  title: string;
}

export interface RelevanceEval {
  overall: Metrics;
  errors: EvalError[];
  /** Per kind: how many were classified correctly, and how many were (wrongly) accepted. */
  byKind: Map<string, { total: number; correct: number; accepted: number }>;
  /** Borderline verdicts by true label. */
  borderline: { on: number; off: number };
  /** Mean classification time per text, milliseconds. */
  msPerText: number;
}

interface Labelled {
  id: string;
  kind: string;
  onTopic: boolean;
  input: Parameters<typeof classifyRelevance>[0];
}

function evaluate(items: readonly Labelled[]): RelevanceEval {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const errors: EvalError[] = [];
  const byKind: RelevanceEval['byKind'] = new Map();
  const borderline = { on: 0, off: 0 };
  const results = items.map((a) => classifyRelevance(a.input));
  // Timed on a second pass: the first builds the phrase matcher and fills the fold cache once per
  // process, as a long-running worker does.
  const started = process.hrtime.bigint();
  for (const a of items) classifyRelevance(a.input);
  const msPerText = items.length ? Number(process.hrtime.bigint() - started) / 1e6 / items.length : 0;
  items.forEach((a, i) => {
    const r = results[i]!;
    const on = r.verdict === 'on';
    if (r.verdict === 'borderline') borderline[a.onTopic ? 'on' : 'off']++;
    if (on && a.onTopic) tp++;
    else if (on) fp++;
    else if (a.onTopic) fn++;
    else tn++;
    const k = byKind.get(a.kind) ?? { total: 0, correct: 0, accepted: 0 };
    k.total++;
    if (on === a.onTopic) k.correct++;
    if (on) k.accepted++;
    byKind.set(a.kind, k);
    if (on !== a.onTopic)
      errors.push({
        id: a.id,
        kind: a.kind,
        expected: a.onTopic,
        verdict: r.verdict,
        score: r.score,
        reason: r.reason,
        topTerms: r.topTerms.map((t) => t.term),
        title: (a.input.title || a.input.body[0] || '').slice(0, 90),
      });
  });
  return { overall: metrics(tp, fp, fn, tn), errors, byKind, borderline, msPerText };
}

export function evaluateRelevance(articles: readonly EvalArticle[]): RelevanceEval {
  return evaluate(
    articles.map((a) => ({
      id: a.id,
      kind: a.onTopic ? 'on-topic' : a.kind,
      onTopic: a.onTopic,
      input: { title: a.title, lead: a.lead, body: a.paragraphs },
    })),
  );
}

/** Real items; BORDER labels are excluded from scoring, as the material's README says. */
export function evaluateReal(items: readonly RealItem[]): RelevanceEval {
  return evaluate(
    items
      .filter((i) => i.label !== 'BORDER')
      .map((i) => ({ id: i.id, kind: i.kind, onTopic: i.label === 'ON', input: i.input })),
  );
}
