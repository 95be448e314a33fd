// Extraction quality on the golden fixtures: token-level precision/recall/F1 of the body text
// (everything after the title line, as written), exact title, and the published time to the
// minute. Same measures as the extraction benchmarks trafilatura reports.
import { readFileSync } from 'node:fs';
import { sourceById } from '../config/load-sources.js';
import { sourceSchema } from '../config/source-schema.js';
import { extractArticle } from '../src/extract/extract-article.js';
import { renderArticleText } from '../src/write/article-text.js';
import { foldTokens } from '../src/text/vietnamese-fold.js';
import type { GoldenCase } from './golden-cases.js';

export interface PageScore {
  page: string;
  precision: number;
  recall: number;
  f1: number;
  titleExact: boolean;
  /** null when the golden has no date to compare. */
  dateToMinute: boolean | null;
  fallbacks: string[];
  error?: string;
}

/** Precision, recall and F1 of one token multiset against another (the extraction measure). */
export function multisetPrf(
  got: readonly string[],
  want: readonly string[],
): { precision: number; recall: number; f1: number } {
  const count = (xs: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const t of xs) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const w = count(want);
  let overlap = 0;
  for (const [t, n] of count(got)) overlap += Math.min(n, w.get(t) ?? 0);
  const precision = got.length === 0 ? (want.length === 0 ? 1 : 0) : overlap / got.length;
  const recall = want.length === 0 ? 1 : overlap / want.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Multiset token overlap (case- and tone-placement-insensitive tokens). */
export function tokenPrf(got: string, want: string): { precision: number; recall: number; f1: number } {
  return multisetPrf(foldTokens(got), foldTokens(want));
}

const minute = (iso: string): number => Math.floor(Date.parse(iso) / 60_000);

/**
 * genericOnly: the source's selectors and drop lists removed, so only the generic fallback
 * (JSON-LD, OpenGraph/meta, text density) works — what a new or changed outlet gets.
 */
export function scoreGolden(g: GoldenCase, opts: { genericOnly?: boolean } = {}): PageScore {
  const configured = sourceById(g.sourceId);
  const page = `${g.sourceId}/${g.name}`;
  const source = opts.genericOnly ? sourceSchema.parse({ ...configured, extract: {} }) : configured;
  const res = extractArticle(readFileSync(g.pageFile, 'utf8'), g.url, source);
  if (!res.ok)
    return {
      page,
      precision: 0,
      recall: 0,
      f1: 0,
      titleExact: false,
      dateToMinute: false,
      fallbacks: [],
      error: res.reason,
    };
  const text = renderArticleText(res.article);
  const body = (t: string): string => t.split('\n\n').slice(1).join('\n');
  const prf = tokenPrf(body(text), body(g.expectedText));
  const wantDate = g.fields.publishedAt;
  return {
    page,
    ...prf,
    titleExact: res.article.title === g.fields.title,
    dateToMinute: wantDate ? !!res.article.publishedAt && minute(res.article.publishedAt) === minute(wantDate) : null,
    fallbacks: res.article.fallbacks,
  };
}

export function summarize(scores: readonly PageScore[]): {
  meanF1: number;
  minF1: number;
  title: number;
  date: number;
} {
  const dated = scores.filter((s) => s.dateToMinute !== null);
  return {
    meanF1: scores.reduce((a, s) => a + s.f1, 0) / scores.length,
    minF1: Math.min(...scores.map((s) => s.f1)),
    title: scores.filter((s) => s.titleExact).length / scores.length,
    date: dated.length ? dated.filter((s) => s.dateToMinute).length / dated.length : 1,
  };
}
