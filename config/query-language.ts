// Watch-rule queries: phrases ("răn đe mở rộng" or bare words), AND, OR, NOT, parentheses, and
// proximity `A NEAR/n B` (within n syllables). Adjacent terms without an operator are ANDed.
// Precedence: NEAR binds tightest, then NOT, AND, OR. `@name` stands for a concept
// (config/concepts/NAME.yaml): any of its spellings, matched as whole words.
//   "tập trận" AND ("Hàn Quốc" OR Seoul) NOT "Triều Tiên"
//   @usfk AND "tập trận"
export type QueryNode =
  | { kind: 'phrase'; text: string }
  | { kind: 'concept'; name: string }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'near'; left: QueryNode & { kind: 'phrase' }; right: QueryNode & { kind: 'phrase' }; distance: number };

type Tok =
  { t: 'phrase' | 'concept'; v: string } | { t: 'and' | 'or' | 'not' | 'lp' | 'rp' } | { t: 'near'; n: number };

export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError';
}

function lex(q: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ t: c === '(' ? 'lp' : 'rp' });
      i++;
    } else if (c === '"' || c === '“' || c === '”') {
      const end = q.slice(i + 1).search(/["“”]/);
      if (end < 0) throw new QuerySyntaxError(`unclosed quote at ${i}`);
      const v = q.slice(i + 1, i + 1 + end).trim();
      if (!v) throw new QuerySyntaxError(`empty phrase at ${i}`);
      out.push({ t: 'phrase', v });
      i += end + 2;
    } else {
      const m = /^[^\s()"“”]+/.exec(q.slice(i))!;
      const w = m[0];
      const near = /^NEAR\/(\d{1,3})$/.exec(w);
      if (w === 'AND') out.push({ t: 'and' });
      else if (w === 'OR') out.push({ t: 'or' });
      else if (w === 'NOT') out.push({ t: 'not' });
      else if (near) out.push({ t: 'near', n: Number(near[1]) });
      else if (w.startsWith('@')) {
        if (!/^@[a-z0-9][a-z0-9-]{0,62}$/.test(w))
          throw new QuerySyntaxError(`${w} at ${i}: a concept is @ and its name (lower-case letters, digits, dashes)`);
        out.push({ t: 'concept', v: w.slice(1) });
      } else if (/^NEAR\b/.test(w)) throw new QuerySyntaxError(`NEAR needs a distance, e.g. NEAR/5 (got ${w})`);
      else out.push({ t: 'phrase', v: w });
      i += w.length;
    }
  }
  return out;
}

export function parseQuery(q: string): QueryNode {
  const toks = lex(q);
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const expectPhrase = (): QueryNode & { kind: 'phrase' } => {
    const t = toks[pos++];
    if (t?.t !== 'phrase') throw new QuerySyntaxError('NEAR/n must stand between two phrases');
    return { kind: 'phrase', text: t.v };
  };

  function primary(): QueryNode {
    const t = toks[pos];
    if (!t) throw new QuerySyntaxError('query ends where a term was expected');
    if (t.t === 'lp') {
      pos++;
      const inner = orExpr();
      if (toks[pos]?.t !== 'rp') throw new QuerySyntaxError('missing )');
      pos++;
      return inner;
    }
    if (t.t === 'phrase') {
      pos++;
      const left: QueryNode & { kind: 'phrase' } = { kind: 'phrase', text: t.v };
      const n = peek();
      if (n?.t === 'near') {
        pos++;
        return { kind: 'near', left, right: expectPhrase(), distance: n.n };
      }
      return left;
    }
    if (t.t === 'concept') {
      pos++;
      if (peek()?.t === 'near') throw new QuerySyntaxError(`NEAR/n takes phrases, not a concept (@${t.v})`);
      return { kind: 'concept', name: t.v };
    }
    throw new QuerySyntaxError(`unexpected ${t.t.toUpperCase()} where a term was expected`);
  }
  function unary(): QueryNode {
    if (peek()?.t === 'not') {
      pos++;
      return { kind: 'not', item: unary() };
    }
    return primary();
  }
  function andExpr(): QueryNode {
    const items = [unary()];
    for (;;) {
      const t = peek();
      if (t?.t === 'and') {
        pos++;
        items.push(unary());
      } else if (t && (t.t === 'phrase' || t.t === 'concept' || t.t === 'lp' || t.t === 'not')) {
        items.push(unary()); // implicit AND
      } else break;
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }
  function orExpr(): QueryNode {
    const items = [andExpr()];
    while (peek()?.t === 'or') {
      pos++;
      items.push(andExpr());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  const node = orExpr();
  if (pos < toks.length)
    throw new QuerySyntaxError(`unexpected ${toks[pos]!.t.toUpperCase()} after the end of the query`);
  if (!hasPositive(node))
    throw new QuerySyntaxError('a query needs at least one phrase that must be present (not only NOT)');
  return node;
}

/** True when the query can only match if some phrase is present (so it can be indexed by phrase). */
export function hasPositive(n: QueryNode): boolean {
  switch (n.kind) {
    case 'phrase':
    case 'concept':
    case 'near':
      return true;
    case 'not':
      return false;
    case 'and':
      return n.items.some(hasPositive);
    case 'or':
      return n.items.every(hasPositive);
  }
}

export function phrasesOf(n: QueryNode): string[] {
  switch (n.kind) {
    case 'concept':
      return [];
    case 'phrase':
      return [n.text];
    case 'near':
      return [n.left.text, n.right.text];
    case 'not':
      return phrasesOf(n.item);
    case 'and':
    case 'or':
      return n.items.flatMap(phrasesOf);
  }
}

/** The concepts a query names (`@name`), each once, in the order written. */
export function conceptsOf(n: QueryNode): string[] {
  const out = new Set<string>();
  const visit = (x: QueryNode): void => {
    if (x.kind === 'concept') out.add(x.name);
    else if (x.kind === 'not') visit(x.item);
    else if (x.kind === 'and' || x.kind === 'or') x.items.forEach(visit);
  };
  visit(n);
  return [...out];
}
