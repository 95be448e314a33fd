// Which of two VietNews texts came first, and what kind of pair they are. The corpus keeps no
// publication date or outlet, so both come from the dates the texts state:
// - two titles dated on different days ("<column> 3/4: …" against "<column> 5/4: …"), or in the
//   same words with other figures, are two pieces of a template (two days of a column, two rounds
//   of a recruitment drive), apart whatever their sentences share (real-series.ts: sentence
//   alignment cannot tell them from copies, their template's sentences align);
// - otherwise the text whose lead states the later day/month is the later one (a follow-up when
//   apart); with no dates to tell, the pair is taken in file order.
// Copies keep the labeller's kinds (real-pair-labels.ts: wire copy, trimmed or compiled, retitled,
// verbatim), when each text's lead is in the other: an outlet's follow-up repeats its earlier
// report's background paragraphs under a new lead, so most of its sentences align with the first
// report's; a copy keeps its original's news. Such a pair is grey (NEW_LEAD): a follow-up, or a
// piece compiled around a copy. Day/month only: a pair across a new year is ordered the wrong way.
import type { NewsDoc } from './real-news-corpus.js';
import { labelPair, sentenceInside, sentencesOf, trigramSet, type LabelledPair } from './real-pair-labels.js';

export const ANOTHER_DAY = 'another day or figure of a template';
/** Share of the shorter title's words the other must hold for two pieces of one template. */
const TEMPLATE_WORDS = 0.6;
export const LATER_REPORT = 'later report (follow-up)';
export const SAME_DAY = 'same-day report';
export const UNDATED = 'report, no dates to compare';
export const NEW_LEAD = 'new lead (follow-up or compiled)';

const DATE = /(?<![\d/.,])(\d{1,2})\/(\d{1,2})(?!\d)/g;

/** Each valid day/month date of a text, as month × 32 + day ("ngày 3/4" → 4 × 32 + 3). */
export function datesOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(DATE)) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) out.push(month * 32 + day);
  }
  return out;
}

/** The title's date, when it states one. */
export const titleDate = (d: Pick<NewsDoc, 'title'>): number | null => datesOf(d.title)[0] ?? null;

/** The latest date the lead states (else the first three sentences): the day the text reports. */
export function reportedDate(d: Pick<NewsDoc, 'lead' | 'paragraphs'>): number | null {
  const lead = datesOf(d.lead ?? '');
  const dates = lead.length ? lead : datesOf(d.paragraphs.slice(0, 3).join(' '));
  return dates.length ? Math.max(...dates) : null;
}

/** Some sentence of each text's lead (its first sentence when it has none) is in the other text. */
export function leadsShared(a: NewsDoc, b: NewsDoc): boolean {
  const leadIn = (x: NewsDoc, y: NewsDoc): boolean => {
    const lead = sentencesOf({ lead: x.lead, paragraphs: [] });
    const other = trigramSet(sentencesOf(y));
    return (lead.length ? lead : sentencesOf(x).slice(0, 1)).some((s) => sentenceInside(s, other));
  };
  return leadIn(a, b) && leadIn(b, a);
}

const numbersOf = (t: string): Set<string> => new Set(t.match(/\d+(?:[.,]\d+)*/g) ?? []);
const wordsOf = (t: string): Set<string> =>
  new Set(
    t
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean),
  );

/**
 * Two pieces of one template: titles in the same words (most of the shorter title's words in the
 * other) whose numbers differ, each stating one the other lacks ("… đợt 3" against "… đợt 4";
 * "3/4" against "5/4"). A copy keeps its original's headline figures.
 */
export function otherFigures(x: Pick<NewsDoc, 'title'>, y: Pick<NewsDoc, 'title'>): boolean {
  const [nx, ny] = [numbersOf(x.title), numbersOf(y.title)];
  if (![...nx].some((n) => !ny.has(n)) || ![...ny].some((n) => !nx.has(n))) return false;
  const [wx, wy] = [wordsOf(x.title), wordsOf(y.title)];
  const shared = [...wx].filter((w) => wy.has(w)).length;
  return shared >= TEMPLATE_WORDS * Math.min(wx.size, wy.size);
}

/** The pair in reading order (earlier first), labelled, with its kind. */
export function orderedPair(x: NewsDoc, y: NewsDoc): Omit<LabelledPair, 'id'> {
  const [tx, ty] = [titleDate(x), titleDate(y)];
  const [dx, dy] = [reportedDate(x), reportedDate(y)];
  const dated = tx !== null && ty !== null && tx !== ty;
  const [a, b] = dated ? (tx < ty ? [x, y] : [y, x]) : dx !== null && dy !== null && dy < dx ? [y, x] : [x, y];
  const l = labelPair(a, b);
  if (dated || otherFigures(x, y)) return { ...l, label: 'apart', kind: ANOTHER_DAY };
  if (l.label === 'copy') return leadsShared(a, b) ? l : { ...l, label: 'grey', kind: NEW_LEAD };
  return { ...l, kind: dx === null || dy === null ? UNDATED : dx === dy ? SAME_DAY : LATER_REPORT };
}
