// Search over the written articles: the filters a person narrows by (outlet, rule, Vietnam date
// range, borderline) and a query in the watch-rule language, matched with the rules' own
// Vietnamese folding, so a search and a backtest of a rule are the same thing. Newest first;
// texts are read only as deep as the page asked for goes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RuleConfig } from '../../config/watchlist-schema.js';
import { articleFromText } from '../match/explain-rule.js';
import { quotedSentence, type AlertMatch } from '../match/match-sentence.js';
import type { MatchSpan } from '../match/matchable.js';
import { RuleMatcher } from '../match/rule-matcher.js';
import { vietnamDate } from '../text/vietnam-time.js';
import type { WrittenArticle } from './manifest-index.js';

export interface ArticleFilter {
  /** A rule (or a draft query as a rule) the text must match. */
  query?: RuleConfig;
  outlet?: string;
  /** Only articles this rule fired for when they were written. */
  rule?: string;
  /** Vietnam dates, inclusive: "2026-08-20". */
  from?: string;
  to?: string;
  /** Only stories the relevance step judged borderline. */
  borderlineOnly?: boolean;
}

export interface SearchHit {
  article: WrittenArticle;
  /** The sentence the query matched in, with ranges to highlight; null without a query. */
  match: AlertMatch | null;
}

export interface SearchPage {
  hits: SearchHit[];
  /** More hits exist past this page. */
  more: boolean;
  /** Hits in all, when the whole set was scanned (`countAll`); otherwise null. */
  total: number | null;
  /** Articles whose text file is gone (storage retention): they cannot match a query. */
  textMissing: number;
  /** The search ran out of its time before the page was full: the hits are those found by then. */
  cutShort: boolean;
}

export interface SearchLimits {
  /** Rows (manifest positions) whose text may match the query: the others are not read. */
  mayMatch?: (row: number) => boolean;
  /** Date.now() past which the scan stops and says so (cutShort). */
  deadline?: number;
  /** Told of every article the query matched, with its spans (backtest's per-spelling counts). */
  onMatch?: (article: WrittenArticle, spans: readonly MatchSpan[]) => void;
}

function dayOf(a: WrittenArticle): string {
  return vietnamDate(a.published_at ?? a.written_at ?? a.fetched_at ?? null);
}

function passes(a: WrittenArticle, f: ArticleFilter): boolean {
  if (f.outlet && a.source_id !== f.outlet && a.outlet !== f.outlet) return false;
  if (f.rule && !a.matched_rules.includes(f.rule)) return false;
  if (f.borderlineOnly && !a.relevance?.borderline) return false;
  const day = f.from || f.to ? dayOf(a) : '';
  if (f.from && (!day || day < f.from)) return false;
  if (f.to && (!day || day > f.to)) return false;
  return true;
}

export async function searchArticles(
  outDir: string,
  articles: readonly WrittenArticle[],
  filter: ArticleFilter,
  page: { offset: number; limit: number; countAll?: boolean },
  limits: SearchLimits = {},
): Promise<SearchPage> {
  const matcher = filter.query ? new RuleMatcher([filter.query]) : null;
  const hits: SearchHit[] = [];
  let found = 0;
  let textMissing = 0;
  let more = false;
  let cutShort = false;
  for (let i = articles.length - 1; i >= 0; i--) {
    if (limits.deadline !== undefined && Date.now() > limits.deadline) {
      cutShort = true;
      break;
    }
    const a = articles[i]!;
    if (!passes(a, filter)) continue;
    let match: AlertMatch | null = null;
    if (matcher) {
      if (limits.mayMatch && !limits.mayMatch(i)) continue;
      let text: string;
      try {
        text = await readFile(path.join(outDir, a.file), 'utf8');
      } catch {
        textMissing++;
        continue;
      }
      const article = articleFromText(text);
      const [m] = matcher.match(article);
      if (!m) continue;
      limits.onMatch?.(a, m.spans);
      match = quotedSentence(article, m.spans);
    }
    found++;
    if (found > page.offset && hits.length < page.limit) hits.push({ article: a, match });
    else if (found > page.offset + page.limit) {
      more = true;
      if (!page.countAll) break;
    }
  }
  return { hits, more, total: page.countAll && !cutShort ? found : null, textMissing, cutShort };
}
