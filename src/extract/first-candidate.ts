// Every field is read the same way: candidates in order of trust (the source's selector, then
// the page's metadata, then heuristics), the first that yields a value wins, and which one won is
// recorded — so a broken selector shows up in logs, metrics and `tinwatch sources check`.

export type ExtractField = 'title' | 'lead' | 'body' | 'date' | 'author' | 'section' | 'credit';

export interface FieldPick<T> {
  value: T;
  /** The selector that matched, `fallback:<kind>` for a generic fallback, or a named rule. */
  via: string;
  /** Whether the source's own selectors missed and a generic reading stood in. */
  fallback: boolean;
}

export type FieldCandidate<T> = () => FieldPick<T> | null;

const empty = (v: unknown): boolean => v === null || v === undefined || v === '';

/** The first candidate that yields a value. */
export function firstCandidate<T>(...candidates: FieldCandidate<T>[]): FieldPick<T> | null {
  for (const c of candidates) {
    const pick = c();
    if (pick && !empty(pick.value)) return pick;
  }
  return null;
}

/** The source's selector hit (select.ts), when it found something. */
export function bySelector<T>(hit: { value: T; selector: string } | null): FieldCandidate<T> {
  return () => (hit ? { value: hit.value, via: hit.selector, fallback: false } : null);
}

/** A generic reading standing in for the source's selectors, recorded as `fallback:<kind>`. */
export function byFallback<T>(kind: string, read: () => T | null | undefined): FieldCandidate<T> {
  return () => {
    const value = read();
    return empty(value) ? null : { value: value as T, via: `fallback:${kind}`, fallback: true };
  };
}

/** A rule of the source's own (a credit pattern) or of the page (a printed byline), not a fallback. */
export function byRule<T>(via: string, read: () => T | null | undefined): FieldCandidate<T> {
  return () => {
    const value = read();
    return empty(value) ? null : { value: value as T, via, fallback: false };
  };
}

/** Which candidate produced each field, and which fields needed a fallback. */
export class FieldLog {
  readonly matched: Record<ExtractField, string | null> = {
    title: null,
    lead: null,
    body: null,
    date: null,
    author: null,
    section: null,
    credit: null,
  };
  readonly fallbacks: ExtractField[] = [];

  /** Records the pick (if any) and returns its value. */
  take<T>(field: ExtractField, pick: FieldPick<T> | null): T | null {
    if (!pick) return null;
    this.matched[field] = pick.via;
    if (pick.fallback && !this.fallbacks.includes(field)) this.fallbacks.push(field);
    return pick.value;
  }
}
