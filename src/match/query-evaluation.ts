// A compiled rule's query evaluated against the phrase hits the trie scan found: AND, OR, NOT and
// NEAR/n over token positions, recording (for highlights) only the hits of branches that hold.
import type { RuleConfig } from '../../config/watchlist-schema.js';
import type { QueryNode } from '../../config/query-language.js';
import type { Field } from './matchable.js';

export interface Hit {
  start: number; // token index
  end: number; // token index, exclusive
}

export interface CompiledRule {
  rule: RuleConfig;
  ast: QueryNode;
  /** phrase text → phrase id */
  ids: Map<string, number>;
}

/** Highlights need a few occurrences, not every one of a word repeated 100 times. */
export const MAX_SPANS_PER_PHRASE = 10;

/**
 * A hit of `rs` within `distance` syllables of `l` (gap between the two phrases), or undefined.
 * `rs` is in token order and all its hits have the same length, so a binary search finds the
 * first candidate: O(log n) instead of comparing every pair.
 */
export function nearHit(l: Hit, rs: readonly Hit[], distance: number): Hit | undefined {
  const len = rs[0]!.end - rs[0]!.start;
  const lo = l.start - distance - len;
  let a = 0;
  let b = rs.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (rs[mid]!.start < lo) a = mid + 1;
    else b = mid;
  }
  for (let i = a; i < rs.length; i++) {
    const r = rs[i]!;
    if (r.start > l.end + distance) return undefined;
    const gap = r.start >= l.start ? r.start - l.end : l.start - r.end;
    if (gap <= distance && (r.start !== l.start || r.end !== l.end)) return r;
  }
  return undefined;
}

export interface Used {
  f: Field;
  h: Hit;
  phrase: string;
  /** Set when a concept's spelling made the hit (the phrase is then the concept file's line). */
  concept?: string;
}

/** A concept's hit: the written line of its file that found it. */
export interface ConceptHitRef extends Hit {
  entry: { text: string };
}

export interface EvalContext {
  rule: CompiledRule;
  /** phrase id → field → hits */
  hits: Map<number, Partial<Record<Field, Hit[]>>>;
  /** concept name → field → hits */
  concepts?: Map<string, Partial<Record<Field, ConceptHitRef[]>>>;
  used: Used[];
}

/**
 * Evaluates a rule's query against the phrase hits. With `collect`, the hits that make it true
 * are recorded for highlighting — only from branches that hold.
 */
export function evaluate(ctx: EvalContext, n: QueryNode, collect: boolean): boolean {
  const fields = ctx.rule.rule.fields;
  switch (n.kind) {
    case 'phrase': {
      const byField = ctx.hits.get(ctx.rule.ids.get(n.text)!);
      if (!byField) return false;
      let found = false;
      for (const f of fields) {
        const hs = byField[f];
        if (!hs || hs.length === 0) continue;
        found = true;
        if (!collect) return true;
        const upto = Math.min(hs.length, MAX_SPANS_PER_PHRASE);
        for (let i = 0; i < upto; i++) ctx.used.push({ f, h: hs[i]!, phrase: n.text });
      }
      return found;
    }
    case 'near': {
      const lb = ctx.hits.get(ctx.rule.ids.get(n.left.text)!);
      const rb = ctx.hits.get(ctx.rule.ids.get(n.right.text)!);
      if (!lb || !rb) return false;
      let pairs = 0;
      for (const f of fields) {
        const ls = lb[f];
        const rs = rb[f];
        if (!ls || !rs) continue;
        for (const l of ls) {
          const r = nearHit(l, rs, n.distance);
          if (!r) continue;
          if (!collect) return true;
          ctx.used.push({ f, h: l, phrase: n.left.text }, { f, h: r, phrase: n.right.text });
          if (++pairs >= MAX_SPANS_PER_PHRASE) return true;
        }
      }
      return pairs > 0;
    }
    case 'concept': {
      const byField = ctx.concepts?.get(n.name);
      if (!byField) return false;
      let found = false;
      for (const f of fields) {
        const hs = byField[f];
        if (!hs || hs.length === 0) continue;
        found = true;
        if (!collect) return true;
        // Every line's first hit (backtest counts what each line found), then up to the cap.
        const lines = new Set<string>();
        let taken = 0;
        for (const h of hs) {
          if (lines.has(h.entry.text) && taken >= MAX_SPANS_PER_PHRASE) continue;
          lines.add(h.entry.text);
          taken++;
          ctx.used.push({ f, h, phrase: h.entry.text, concept: n.name });
        }
      }
      return found;
    }
    case 'not':
      return !evaluate(ctx, n.item, false);
    case 'and': {
      for (const x of n.items) if (!evaluate(ctx, x, false)) return false;
      if (collect) for (const x of n.items) evaluate(ctx, x, true);
      return true;
    }
    case 'or': {
      let any = false;
      for (const x of n.items) {
        if (evaluate(ctx, x, false)) {
          any = true;
          if (collect) evaluate(ctx, x, true);
        }
      }
      return any;
    }
  }
}
