// A concept: one thing the analysts watch (US Forces Korea, the Korean defence minister), with
// every way the press names it, so a watch rule names the concept (`concept: usfk`, or `@usfk` in
// a query) instead of listing spellings. The kinds are kept apart so `alerts backtest` can say
// which kind of spelling found what. A spelling is matched as whole words, the way topic cues are
// (src/relevance/phrase-matcher.ts): one written with a capital matches only capitalized text.
import { z } from 'zod';
import { expandSpellings, SpellingSyntaxError } from './concept-spellings.js';

export const CONCEPT_KINDS = ['aliases', 'transliterations', 'abbreviations', 'people'] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

const spelling = z
  .string()
  .min(1)
  .superRefine((s, ctx) => {
    try {
      expandSpellings(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof SpellingSyntaxError ? e.message : String(e) });
      return;
    }
    if (!/[\p{L}\p{N}]/u.test(s)) ctx.addIssue({ code: 'custom', message: 'a spelling needs letters or digits' });
  });

const spellings = (what: string) => z.array(spelling).default([]).describe(what);

export const conceptFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes')
      .describe('The name rules use: concept: NAME, or @NAME in a query. Must be the file name.'),
    description: z.string().optional(),
    aliases: spellings('Names and descriptions in full, as Vietnamese text writes them mid-sentence.'),
    transliterations: spellings('Korean and English names as Vietnamese outlets spell them.'),
    abbreviations: spellings('Acronyms and short forms (USFK, CFC).'),
    people: spellings('Named commanders, ministers and officials who stand for the concept.'),
    blockers: z
      .array(spelling)
      .default([])
      .describe('Compounds whose syllables never count as a spelling (a word of another meaning).'),
  })
  .superRefine((c, ctx) => {
    const seen = new Map<string, string>();
    let total = 0;
    for (const kind of CONCEPT_KINDS)
      c[kind].forEach((s, i) => {
        total++;
        let all: string[] = [];
        try {
          all = expandSpellings(s);
        } catch {
          return; // said by the field's own check
        }
        for (const one of all) {
          const key = one.normalize('NFC').toLowerCase();
          const first = seen.get(key);
          if (first)
            ctx.addIssue({ code: 'custom', path: [kind, i], message: `"${one}" is already spelled by ${first}` });
          else seen.set(key, `${kind}[${i}]`);
        }
      });
    if (total === 0) ctx.addIssue({ code: 'custom', path: ['aliases'], message: 'a concept needs a spelling' });
  });

export type ConceptFile = z.output<typeof conceptFileSchema>;

/** One written line of a concept file, with the spellings it stands for. */
export interface ConceptEntry {
  /** The line as written (with its {a|b} variants): what backtest reports. */
  text: string;
  kind: ConceptKind;
  spellings: string[];
}

export interface Concept {
  name: string;
  description: string | null;
  entries: ConceptEntry[];
  blockers: string[];
}

export function conceptOf(file: ConceptFile): Concept {
  return {
    name: file.name,
    description: file.description ?? null,
    entries: CONCEPT_KINDS.flatMap((kind) =>
      file[kind].map((text) => ({ text, kind, spellings: expandSpellings(text) })),
    ),
    blockers: file.blockers.flatMap(expandSpellings),
  };
}

/** The JSON Schema of a concept file (editor completion; schemas/concept.schema.json). */
export function conceptJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(conceptFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/tinwatch/tinwatch/schemas/concept.schema.json',
    title: 'tinwatch concept: every way the press names one thing',
  };
}
