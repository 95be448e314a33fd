// An inverted index of the written articles' folded syllables, so a search reads and matches
// only the articles that could match instead of every text (a no-match search at 20,000 articles
// read and matched all of them: seconds of one core per request, a GET any page could send).
// Built from the texts once, then brought up to date with the rows the manifest gained since;
// a manifest begun again (a smaller file) starts it over. Held in memory by the dashboard.
//
// candidates() is a superset, never a subset, of what RuleMatcher matches: a phrase needs every
// one of its syllables in the same article (the matcher wants them in order in one field), AND and
// NEAR need all their parts, OR any, and NOT restricts nothing. The matcher still decides.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseQuery, type QueryNode } from '../../config/query-language.js';
import type { RuleConfig } from '../../config/watchlist-schema.js';
import { articleFromText } from '../match/explain-rule.js';
import { fieldText } from '../match/matchable.js';
import { foldTokens, stripTone } from '../text/vietnamese-fold.js';
import type { WrittenArticle } from './manifest-index.js';

/** Row numbers (positions in the manifest's article rows), ascending; or every row. */
export type Candidates = Set<number> | 'all';

const TONELESS = '\u0001'; // prefix of a diacritic-free key: cannot occur in a folded token

export class SyllableIndex {
  private postings = new Map<string, number[]>();
  private indexed = 0;
  private lastId: string | null = null;
  private readonly missing = new Set<number>();
  private updating: Promise<void> = Promise.resolve();
  /** The concepts of the rule being asked about (its `@name` terms). */
  private concepts: RuleConfig['concepts'] | undefined;

  constructor(private readonly outDir: string) {}

  /** Rows indexed so far, and how many had no text file (retention removed it). */
  get size(): { rows: number; textMissing: number } {
    return { rows: this.indexed, textMissing: this.missing.size };
  }

  /** Indexes the rows not yet indexed; one update at a time, whoever asks. */
  update(rows: readonly WrittenArticle[]): Promise<void> {
    this.updating = this.updating.then(() => this.indexRows(rows));
    return this.updating;
  }

  private async indexRows(rows: readonly WrittenArticle[]): Promise<void> {
    if (rows.length < this.indexed || (this.indexed > 0 && rows[this.indexed - 1]?.id !== this.lastId)) {
      this.postings = new Map();
      this.indexed = 0;
      this.missing.clear();
    }
    for (let i = this.indexed; i < rows.length; i++) {
      const row = rows[i]!;
      const text = await readFile(path.join(this.outDir, row.file), 'utf8').catch(() => null);
      if (text === null) this.missing.add(i);
      else {
        const article = articleFromText(text);
        const keys = new Set<string>();
        for (const f of ['title', 'lead', 'body'] as const)
          for (const t of foldTokens(fieldText(article, f))) {
            keys.add(t);
            keys.add(TONELESS + stripTone(t));
          }
        for (const k of keys) {
          const list = this.postings.get(k);
          if (list) list.push(i);
          else this.postings.set(k, [i]);
        }
      }
      this.indexed = i + 1;
      this.lastId = row.id;
    }
  }

  /** The rows that may match `rule`'s query (only rows indexed so far). */
  candidates(rule: RuleConfig): Candidates {
    this.concepts = rule.concepts;
    return this.of(parseQuery(rule.query), rule.diacriticFree === true);
  }

  /**
   * Whether a row must be read for this rule: a candidate, a row not indexed yet, or one whose text
   * was missing (read again, so the search counts it as removed, as it did before the index).
   */
  mayMatch(rule: RuleConfig): (row: number) => boolean {
    const c = this.candidates(rule);
    const indexed = this.indexed; // rows indexed after this call are not in c
    if (c === 'all') return () => true;
    return (row) => c.has(row) || row >= indexed || this.missing.has(row);
  }

  private of(n: QueryNode, toneless: boolean): Candidates {
    switch (n.kind) {
      case 'phrase': {
        const tokens = [...new Set(foldTokens(n.text))].map((t) => (toneless ? TONELESS + stripTone(t) : t));
        if (!tokens.length) return new Set();
        return intersectAll(tokens.map((t) => new Set(this.postings.get(t) ?? [])));
      }
      case 'near':
        return intersectAll([this.of(n.left, toneless), this.of(n.right, toneless)]);
      case 'and':
        return intersectAll(n.items.map((x) => this.of(x, toneless)));
      case 'or': {
        const parts = n.items.map((x) => this.of(x, toneless));
        if (parts.includes('all')) return 'all';
        const out = new Set<number>();
        for (const p of parts as Set<number>[]) for (const r of p) out.add(r);
        return out;
      }
      case 'concept': {
        // Any spelling of the concept: the union of its spellings' candidates.
        const concept = this.concepts?.[n.name];
        if (!concept) return 'all';
        return this.of(
          {
            kind: 'or',
            items: concept.entries.flatMap((e) => e.spellings.map((text) => ({ kind: 'phrase' as const, text }))),
          },
          false,
        );
      }
      case 'not':
        return 'all';
    }
  }
}

function intersectAll(parts: Candidates[]): Candidates {
  const sets = (parts.filter((p) => p !== 'all') as Set<number>[]).sort((a, b) => a.size - b.size);
  if (!sets.length) return 'all';
  const out = new Set<number>();
  for (const r of sets[0]!) if (sets.every((s) => s.has(r))) out.add(r);
  return out;
}
