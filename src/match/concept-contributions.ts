// What each line of a concept file found, over a backtest's matches: in how many matched articles
// it was present, and in how many it was the concept's only line present (remove it and those
// articles go). Lines that found nothing are listed too: a spelling no outlet uses.
import type { Concept, ConceptKind } from '../../config/concept-schema.js';
import type { MatchSpan } from './matchable.js';

export interface LineContribution {
  concept: string;
  kind: ConceptKind;
  line: string;
  /** Matched articles where this line's spellings were found. */
  articles: number;
  /** Of those, articles where no other line of the concept was. */
  alone: number;
}

export class ConceptContributions {
  private readonly rows = new Map<string, LineContribution>();

  constructor(concepts: Readonly<Record<string, Concept>>) {
    for (const c of Object.values(concepts))
      for (const e of c.entries)
        this.rows.set(`${c.name}\u0000${e.text}`, {
          concept: c.name,
          kind: e.kind,
          line: e.text,
          articles: 0,
          alone: 0,
        });
  }

  /** Counts one matched article from its match's spans. */
  add(spans: readonly MatchSpan[]): void {
    const byConcept = new Map<string, Set<string>>();
    for (const s of spans) {
      if (!s.concept) continue;
      let lines = byConcept.get(s.concept);
      if (!lines) byConcept.set(s.concept, (lines = new Set()));
      lines.add(s.phrase);
    }
    for (const [concept, lines] of byConcept)
      for (const line of lines) {
        const row = this.rows.get(`${concept}\u0000${line}`);
        if (!row) continue;
        row.articles++;
        if (lines.size === 1) row.alone++;
      }
  }

  list(): LineContribution[] {
    return [...this.rows.values()];
  }
}

const KIND_LABEL: Record<ConceptKind, string> = {
  aliases: 'alias',
  transliterations: 'transliteration',
  abbreviations: 'abbreviation',
  people: 'person',
};

/** The table `alerts backtest` prints under its hits. */
export function formatContributions(rows: readonly LineContribution[]): string {
  if (rows.length === 0) return '';
  const out: string[] = [];
  let concept = '';
  const width = Math.min(60, Math.max(...rows.map((r) => r.line.length)));
  for (const r of rows) {
    if (r.concept !== concept) {
      concept = r.concept;
      out.push(`concept @${concept}: articles each line found (and found alone)`);
    }
    out.push(
      `  ${KIND_LABEL[r.kind].padEnd(15)} ${r.line.padEnd(width)}  ${String(r.articles).padStart(5)}  (${r.alone} alone)`,
    );
  }
  return `${out.join('\n')}\n`;
}
