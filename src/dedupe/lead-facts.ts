// The facts a story leads with, and every fact it holds, for the "new facts" part of the
// same-story rule (same-story.ts). Shingle similarity cannot tell a copy from a templated column of
// another day (the gold price of 30/6 and of 1/7 share all but a few tokens) or from a follow-up
// whose background paraphrases the first report: in both, what differs is what the title and lead
// state — the dates and figures, the people and places. A copy never states a fact its original
// lacks; a new day's column or a follow-up does.
//
//  - lead facts: the numbers of the title (kind `t`, its dates `T`), the numbers of the lead (`n`) and its
//    capitalised syllables (`p`, names: people, places, bodies; a hyphenated given name counts
//    each syllable), each as a kind letter and 8 hex digits of a hash. Names of the title are
//    left out, in the title and in the lead: a retitled copy's headline, and a lead rewritten
//    around it, may name what the text only implies. A lead's first word is capitalised by position, not as a name.
//  - known facts: every number and capitalised syllable of title, lead and body, as a Bloom filter
//    (k = 3 bits per fact) of DEDUPE.factBloomBytes bytes, kept per story in the index.
// Numbers are compared as digit strings (28.500 = 28500, 07 = 7); names without tones or case.
import { DEDUPE } from '../../config/dedupe.js';
import { stripWirePrefix } from './content-hash.js';
import { hashString } from './minhash.js';
import type { LuaConstants } from '../../base/redis/lua-script.js';
import {
  fold,
  isCalendarDate,
  knownNumberForms,
  leadNamesOf,
  leadNumbersOf,
  namesOf,
  publishedDayForms,
  todayForms,
} from './text-facts.js';

export interface StoryFacts {
  /** Lead facts: kind letter (T, t, n, p) + 8 hex digits each, at most DEDUPE.maxLeadFacts. */
  lead: string;
  /** Bloom filter of every fact of the text. */
  known: Buffer;
  /**
   * Every fact of the text (up to DEDUPE.maxTextFacts) in the lead's notation: when a copy's
   * title and lead lost their dates, the one of several days it shares the most figures with is
   * its original. Sent with a claim, not stored.
   */
  all: string;
}

export interface NewFacts {
  numbers: number;
  names: number;
}

const hex = (kind: string, value: string): string =>
  hashString(kind + value)
    .toString(16)
    .padStart(8, '0');

/** Bloom positions of one fact hash: three 10-bit slices (the Lua below slices the same way). */
function positions(h: number): number[] {
  return [h & 1023, (h >>> 10) & 1023, (h >>> 20) & 1023].map((p) => p % (DEDUPE.factBloomBytes * 8));
}

/** One fact a title or lead states, in plain words (for `dedupe compare` and the eval's diagnosis). */
export interface LeadFact {
  kind: 'T' | 't' | 'n' | 'p';
  value: string;
  /** Kind letter and 8 hex digits, as kept in StoryFacts.lead. */
  entry: string;
}

/** The facts of a title and lead, in the order storyFacts keeps them (at most `max`). */
export function leadFactsOf(title: string, leadText: string, max: number = DEDUPE.maxLeadFacts): LeadFact[] {
  const seen = new Set<string>();
  const facts: LeadFact[] = [];
  const add = (kind: LeadFact['kind'], key: string, value: string): void => {
    const h = hex(key, value);
    if (seen.has(h) || facts.length >= max) return;
    seen.add(h);
    facts.push({ kind, value, entry: kind + h });
  };
  // A title's date (kind `T`) is kept apart from its other figures: two headlines of one column
  // differ by their dates, and a date is what a column's day is named by.
  for (const n of leadNumbersOf(title)) add(isCalendarDate(n) ? 'T' : 't', 'n', n);
  for (const n of leadNumbersOf(leadText)) add('n', 'n', n);
  // A lead that restates its own headline (an editor's rewritten lead) names what the headline
  // names: not evidence of a new fact.
  const headline = new Set(namesOf(title, true));
  for (const p of leadNamesOf(leadText)) if (!headline.has(p)) add('p', 'p', p);
  return facts;
}

/**
 * The lead the new-facts test and the restated-lead estimate read: the lead without a wire
 * prefix, or the first body block where a story has no lead.
 */
export function leadTextOf(lead: string | null, body: readonly string[]): string {
  return stripWirePrefix(lead ?? body[0] ?? '');
}

/** `published`: the day the outlet published the text (ISO 8601, its own calendar day first), when known. */
export function storyFacts(
  title: string,
  lead: string | null,
  body: readonly string[],
  published: string | null = null,
): StoryFacts {
  const leadText = leadTextOf(lead, body);
  const facts: string[] = [];
  // The headline's words without its figures, as a bottom-4 sample (kind `w`): one template's
  // days share most of them, a follow-up's new headline few.
  const words = [
    ...new Set(
      title
        .split(/\s+/)
        .map((w) => fold(w.replace(/[^\p{L}\p{N}]+/gu, '')))
        .filter((w) => w && !/\d/.test(w)),
    ),
  ];
  for (const h of words
    .map((w) => hashString(`w${w}`))
    .sort((x, y) => x - y)
    .slice(0, TEMPLATE_WORDS))
    facts.push(`w${h.toString(16).padStart(8, '0')}`);
  for (const f of leadFactsOf(title, leadText, DEDUPE.maxLeadFacts - facts.length)) facts.push(f.entry);

  const known = Buffer.alloc(DEDUPE.factBloomBytes);
  const all = new Set<string>();
  const set = (kind: string, value: string): void => {
    const h = hashString(kind + value);
    for (const p of positions(h)) known[p >> 3]! |= 1 << (p & 7);
    if (all.size < DEDUPE.maxTextFacts) all.add(kind + (h >>> 0).toString(16).padStart(8, '0'));
  };
  const today = publishedDayForms(published);
  for (const text of [title, leadText, ...body.map(stripWirePrefix)]) {
    for (const n of [...knownNumberForms(text), ...todayForms(text, today)]) set('n', n);
    for (const p of namesOf(text, true)) set('p', p);
  }
  return { lead: facts.join(''), known, all: [...all].join('') };
}

export function isKnown(known: Buffer, h: number): boolean {
  return positions(h).every((p) => (known[p >> 3]! & (1 << (p & 7))) !== 0);
}

/** Lead facts of one text that the other text's known facts lack. */
export function newFacts(lead: string, known: Buffer): NewFacts {
  const out = { numbers: 0, names: 0 };
  for (let i = 0; i + 9 <= lead.length; i += 9) {
    if (lead[i] === 'w') continue;
    if (isKnown(known, parseInt(lead.slice(i + 1, i + 9), 16) >>> 0)) continue;
    if (lead[i] === 'p') out.names++;
    else out.numbers++;
  }
  return out;
}

/** Facts a lead states (title numbers, lead numbers and names; not the headline's template words). */
export function leadFactCount(lead: string): number {
  let n = 0;
  for (let i = 0; i + 9 <= lead.length; i += 9) if (lead[i] !== 'w') n++;
  return n;
}

/** Each set has a member the other lacks. */
function eachLacks(kinds: string, a: string, b: string): boolean {
  const of = (x: string): Set<string> => {
    const s = new Set<string>();
    for (let i = 0; i + 9 <= x.length; i += 9) if (kinds.includes(x[i]!)) s.add(x.slice(i + 1, i + 9));
    return s;
  };
  const [sa, sb] = [of(a), of(b)];
  return [...sa].some((x) => !sb.has(x)) && [...sb].some((x) => !sa.has(x));
}

/** True when both titles carry numbers (dates or figures) and each has one the other lacks: one template, two days. */
export function titleNumbersDisagree(a: string, b: string): boolean {
  return eachLacks('tT', a, b);
}

/**
 * True when both titles carry dates and each has one the other lacks: two days. A copy keeps its
 * original's date or drops it; a forecast or a draw of the next day may name the day before in its
 * text, so its lead states nothing new, but its headline is dated otherwise.
 */
export function titleDatesDisagree(a: string, b: string): boolean {
  return eachLacks('T', a, b);
}

const TEMPLATE_WORDS = 4;

/**
 * True when the two headlines share at least half of the bottom-4 sample of their words (figures
 * left out): one template. With titleNumbersDisagree, a column's other day rather than a follow-up.
 */
export function sameTemplate(a: string, b: string): boolean {
  const wordsOf = (x: string): number[] => {
    const out: number[] = [];
    for (let i = 0; i + 9 <= x.length; i += 9) if (x[i] === 'w') out.push(parseInt(x.slice(i + 1, i + 9), 16));
    return out;
  };
  const [wa, wb] = [wordsOf(a), wordsOf(b)];
  if (wa.length === 0 || wb.length === 0) return false;
  const union = [...new Set([...wa, ...wb])].sort((x, y) => x - y).slice(0, TEMPLATE_WORDS);
  return union.filter((w) => wa.includes(w) && wb.includes(w)).length >= TEMPLATE_WORDS / 2;
}

/**
 * The Lua statement of newFacts, leadFactCount, sameTemplate, titleNumbersDisagree and titleDatesDisagree. The Bloom
 * filter is read in place from a string at an offset (a story record), so no copy is made per
 * candidate.
 */
export const LEAD_FACTS_LUA: { file: URL; constants: LuaConstants } = {
  file: new URL('./lua/lead-facts.lua', import.meta.url),
  constants: { FACT_BLOOM_BITS: DEDUPE.factBloomBytes * 8, TEMPLATE_WORDS },
};
