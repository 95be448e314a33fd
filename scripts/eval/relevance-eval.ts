// Scores the Korea–US defence classifier on the labelled eval set.
import { classifyRelevance } from '../../src/relevance/classify-relevance.js';
import type { EvalArticle } from './eval-set.js';

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

export interface RelevanceEval {
  overall: Metrics;
  errors: { id: string; kind: string; expected: boolean; score: number; topTerms: string[]; title: string }[];
  /** Off-topic kinds: how many of each were refused. */
  byKind: Map<string, { total: number; correct: number }>;
}

export function evaluateRelevance(articles: readonly EvalArticle[]): RelevanceEval {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const errors: RelevanceEval['errors'] = [];
  const byKind = new Map<string, { total: number; correct: number }>();
  for (const a of articles) {
    const r = classifyRelevance({ title: a.title, lead: a.lead, body: a.paragraphs });
    const correct = r.onTopic === a.onTopic;
    if (r.onTopic && a.onTopic) tp++;
    else if (r.onTopic) fp++;
    else if (a.onTopic) fn++;
    else tn++;
    const k = byKind.get(a.onTopic ? 'on-topic' : a.kind) ?? { total: 0, correct: 0 };
    k.total++;
    if (correct) k.correct++;
    byKind.set(a.onTopic ? 'on-topic' : a.kind, k);
    if (!correct)
      errors.push({
        id: a.id,
        kind: a.kind,
        expected: a.onTopic,
        score: r.score,
        topTerms: r.topTerms.map((t) => t.term),
        title: a.title,
      });
  }
  return { overall: metrics(tp, fp, fn, tn), errors, byKind };
}
