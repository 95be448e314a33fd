// All watch rules compiled into one token trie: every phrase of every rule is a path of folded
// syllables, so an article is scanned once whatever the number of rules, and only rules with a
// phrase present are evaluated. Matching is on syllable tokens (ARCHITECTURE.md, Vietnamese text), never `\b`.
import type { RuleConfig } from '../../config/watchlist-schema.js';
import { foldTokens, foldTokensWithSpans, stripTone, type TokenSpan } from '../text/vietnamese-fold.js';
import { parseQuery, type QueryNode } from '../../config/query-language.js';
import { fieldText, type Field, type MatchableArticle, type MatchSpan, type RuleMatch } from './matchable.js';
import {
  evaluate,
  type CompiledRule,
  type ConceptHitRef,
  type EvalContext,
  type Hit,
  type Used,
} from './query-evaluation.js';
import type { Concept } from '../../config/concept-schema.js';
import { findConcept, tokenShapes } from './concept-hits.js';

const FIELDS: Field[] = ['title', 'lead', 'body'];
const FIELD_INDEX: Record<Field, number> = { title: 0, lead: 1, body: 2 };

interface TrieNode {
  next: Map<string, TrieNode>;
  ends: number[];
}

const newNode = (): TrieNode => ({ next: new Map(), ends: [] });

export class RuleMatcher {
  private readonly exact = newNode();
  private readonly ascii = newNode();
  private readonly phraseKeys = new Map<string, number>();
  private readonly rulesByPhrase: number[][] = [];
  private readonly rules: CompiledRule[] = [];
  /** concept name → the concept and the rules that name it */
  private readonly concepts = new Map<string, { concept: Concept; rules: number[] }>();
  private hasAscii = false;

  constructor(rules: readonly RuleConfig[]) {
    for (const rule of rules) this.addRule(rule);
  }

  get size(): number {
    return this.rules.length;
  }

  private phraseId(text: string, ascii: boolean): number {
    let tokens = foldTokens(text);
    if (ascii) tokens = tokens.map(stripTone);
    const key = `${ascii ? 'a' : 'e'}|${tokens.join(' ')}`;
    const known = this.phraseKeys.get(key);
    if (known !== undefined) return known;
    const id = this.rulesByPhrase.length;
    this.phraseKeys.set(key, id);
    this.rulesByPhrase.push([]);
    let node = ascii ? this.ascii : this.exact;
    for (const t of tokens) {
      let child = node.next.get(t);
      if (!child) node.next.set(t, (child = newNode()));
      node = child;
    }
    node.ends.push(id);
    return id;
  }

  private addRule(rule: RuleConfig): void {
    const ast = parseQuery(rule.query);
    const ids = new Map<string, number>();
    const index = this.rules.length;
    const visit = (n: QueryNode): void => {
      if (n.kind === 'phrase') {
        if (!ids.has(n.text)) ids.set(n.text, this.phraseId(n.text, rule.diacriticFree));
      } else if (n.kind === 'near') {
        visit(n.left);
        visit(n.right);
      } else if (n.kind === 'concept') {
        const concept = rule.concepts?.[n.name];
        if (!concept) throw new Error(`rule "${rule.name}" names concept @${n.name} but carries no definition of it`);
        let entry = this.concepts.get(n.name);
        if (!entry) this.concepts.set(n.name, (entry = { concept, rules: [] }));
        if (!entry.rules.includes(index)) entry.rules.push(index);
      } else if (n.kind === 'not') visit(n.item);
      else n.items.forEach(visit);
    };
    visit(ast);
    if (rule.diacriticFree) this.hasAscii = true;
    for (const id of new Set(ids.values())) this.rulesByPhrase[id]!.push(index);
    this.rules.push({ rule, ast, ids });
  }

  private static scan(root: TrieNode, tokens: readonly string[], into: Map<number, Hit[]>): void {
    for (let i = 0; i < tokens.length; i++) {
      let node: TrieNode | undefined = root;
      for (let j = i; j < tokens.length; j++) {
        node = node.next.get(tokens[j]!);
        if (!node) break;
        for (const id of node.ends) {
          let list = into.get(id);
          if (!list) into.set(id, (list = []));
          list.push({ start: i, end: j + 1 });
        }
      }
    }
  }

  match(article: MatchableArticle): RuleMatch[] {
    // phrase id → field → hits
    const hits = new Map<number, Partial<Record<Field, Hit[]>>>();
    const spans: Record<Field, TokenSpan[]> = { title: [], lead: [], body: [] };
    const texts: Record<Field, string> = { title: '', lead: '', body: '' };
    for (const f of FIELDS) {
      texts[f] = fieldText(article, f);
      spans[f] = foldTokensWithSpans(texts[f]);
      const found = new Map<number, Hit[]>();
      RuleMatcher.scan(
        this.exact,
        spans[f].map((s) => s.token),
        found,
      );
      if (this.hasAscii)
        RuleMatcher.scan(
          this.ascii,
          spans[f].map((s) => stripTone(s.token)),
          found,
        );
      for (const [id, list] of found) {
        const entry = hits.get(id) ?? {};
        entry[f] = list;
        hits.set(id, entry);
      }
    }
    const candidates = new Set<number>();
    for (const id of hits.keys()) for (const r of this.rulesByPhrase[id]!) candidates.add(r);
    const conceptHits = this.findConcepts(texts, spans, candidates);

    const out: RuleMatch[] = [];
    for (const ri of [...candidates].sort((a, b) => a - b)) {
      const c = this.rules[ri]!;
      const used: Used[] = [];
      const ctx: EvalContext = { rule: c, hits, concepts: conceptHits, used };
      if (!evaluate(ctx, c.ast, true)) continue;
      const seen = new Set<number>();
      const ms: MatchSpan[] = [];
      for (const u of ctx.used) {
        const from = spans[u.f][u.h.start]!;
        const to = spans[u.f][u.h.end - 1]!;
        // Numeric key (field, start, end): no string building in the hot loop.
        const key = (FIELD_INDEX[u.f] * 0x100000 + u.h.start) * 0x10000 + (u.h.end - u.h.start);
        if (seen.has(key)) continue;
        seen.add(key);
        ms.push({
          field: u.f,
          start: from.start,
          end: to.end,
          text: texts[u.f].slice(from.start, to.end),
          phrase: u.phrase,
          ...(u.concept ? { concept: u.concept } : {}),
        });
      }
      ms.sort((a, b) => FIELD_INDEX[a.field] - FIELD_INDEX[b.field] || a.start - b.start);
      out.push({ rule: c.rule, spans: ms });
    }
    return out;
  }

  /** Each named concept's hits per field; the rules naming a concept found become candidates. */
  private findConcepts(
    texts: Record<Field, string>,
    spans: Record<Field, TokenSpan[]>,
    candidates: Set<number>,
  ): Map<string, Partial<Record<Field, ConceptHitRef[]>>> {
    const out = new Map<string, Partial<Record<Field, ConceptHitRef[]>>>();
    if (this.concepts.size === 0) return out;
    for (const f of FIELDS) {
      if (spans[f].length === 0) continue;
      const tokens = spans[f].map((s) => s.token);
      const shapes = tokenShapes(texts[f], spans[f]);
      for (const [name, { concept, rules }] of this.concepts) {
        const found = findConcept(concept, tokens, shapes);
        if (found.length === 0) continue;
        const entry = out.get(name) ?? {};
        entry[f] = found;
        out.set(name, entry);
        for (const r of rules) candidates.add(r);
      }
    }
    return out;
  }
}
