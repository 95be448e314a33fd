// Figures of a title or lead as the new-facts test reads them (text-facts.ts leadNumbersOf,
// knownNumberForms), where a bare digit string says too little or too much. A copy's editor adds
// or rewrites them without adding news; a follow-up or another day's column states new dates and
// figures of its own, which stay lead facts.
//
//  - The reference point of a superlative or a first: "cao nhất kể từ năm 1998", "lần đầu tiên …
//    kể từ tháng 3 năm 2009" (the highest since 1998, the first time since March 2009). The news
//    is the superlative; the date it is measured against is history one outlet spells out and
//    another leaves out. Not a lead fact; the text that says it still knows it. "Kể từ" with no
//    superlative before it ("kể từ ngày 1/7, mức phạt tăng": from 1/7) is a date the story is
//    about, and stays.
//  - A month named as such ("trung tuần tháng 11"): a text that dates something 12/11 knows the
//    month, though no 11 stands alone in it. A lead's "tháng M" is the fact MONTH_FACT + M,
//    known to a text that names the month, gives a date in it or a month and year (11/2017); a
//    bare 11 elsewhere (11 people) is not that month. (A decimal, 2,5, reads as a date 2/5 on the
//    known side, as everywhere in the known set: it is generous by design, text-facts.ts.)
//  - A date spelled out after "ngày" ("ngày 3 tháng 11", "ngày 3 tháng 11 năm 2017"): the 3/11
//    another outlet writes with a slash, not a figure 3 beside a month. Without "ngày" ("rạng sáng
//    3 tháng 11") the day is not told from a count, so it stays two figures.

// Each word with or without its diacritics (a copy stripped of them, hoá/hóa spellings): the
// fingerprint of a copy must not depend on them.
/**
 * The words that make a "kể từ" clause a superlative's or a first's reference point: "nhất" (most)
 * but not "nhất trí" (agree), "thống nhất" (unify), "thứ nhất" (first of a list), nor, without
 * tones, "cập nhật" (update) or "Nhật Bản" (Japan); "lần đầu" (the first time).
 */
const MEASURED = String.raw`(?:(?<!(?:th[oố]ng|th[uứ]|c[aậ]p)\s+)nh[aấ]t(?!\s+(?:tr[ií]|b[aả]n)(?![\p{L}\p{M}]))|l[aầ]n\s+[dđ][aầ]u)`;
/** Words after "nhất" or "lần đầu" (its "tiên" counts) up to "kể từ", in one clause (no punctuation). */
const MAX_GAP = 8;
/** A time "kể từ" can name: a year, a month and year, a date, after a few time words. */
const SINCE_TIME = String.raw`(?:(?:ng[aà]y|th[aá]ng|n[aă]m|[dđ][aầ]u|cu[oố]i|gi[uữ]a|qu[yýií]|h[oồ]i)\s+)*\d+(?:[/.-]\d+)*(?:\s+n[aă]m\s+\d{4})?`;
const SINCE = new RegExp(
  String.raw`(?<=(?<![\p{L}\p{M}])${MEASURED}(?:\s+[^\s.,;:!?]+){0,${MAX_GAP}}\s+)k[eể]\s+t[uừ]\s+${SINCE_TIME}(?![\p{L}\p{M}])`,
  'giu',
);

/** The text without the reference points of its superlatives (NFC in, NFC out). */
export function withoutReferencePoints(text: string): string {
  return text.replace(SINCE, ' ');
}

const isMonth = (m: string): boolean => Number(m) >= 1 && Number(m) <= 12;

// "ngày D tháng M [năm Y]", with or without diacritics.
const SPELLED_DATE =
  /(?<![\p{L}\p{M}])(ng[aà]y\s+)(\d{1,2})\s+th[aá]ng\s+(\d{1,2})(?:\s+n[aă]m\s+(\d{4}))?(?![\d\p{L}\p{M}])/giu;

/** The text (NFC) with its spelled-out dates written as numbersOf reads a date (3/11, 3/11/2017). */
export function spelledDates(text: string): string {
  return text
    .normalize('NFC')
    .replace(SPELLED_DATE, (whole, day: string, d: string, m: string, y?: string) =>
      Number(d) >= 1 && Number(d) <= 31 && isMonth(m) ? `${day}${d}/${m}${y ? `/${y}` : ''}` : whole,
    );
}

export const MONTH_FACT = 'tháng';

// "tháng 11" alone: not "tháng 8/2014" or "tháng 8 năm 2014" (a month and year, numbersOf's own
// form), nor "tháng 11" inside a longer figure; a comma or a stop after it ends the sentence or
// clause, not the figure.
const MONTH_NAMED = /(?<![\p{L}\p{M}])th[aá]ng\s+(\d{1,2})(?!\d|[/.,-]\d|\s+n[aă]m\s+\d)/giu;

/** A title or lead's months named as such, as facts, and the text without them. */
export function namedMonths(text: string): { rest: string; months: string[] } {
  const months: string[] = [];
  const rest = text.replace(MONTH_NAMED, (whole, m: string) => {
    if (!isMonth(m)) return whole;
    months.push(MONTH_FACT + Number(m));
    return ' ';
  });
  return { rest, months };
}

/** The months a text knows: each it names ("tháng M" in any form), each of its dates' and months and years'. */
export function knownMonths(text: string, numbers: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{M}])th[aá]ng\s+(\d{1,2})(?!\d)/giu))
    if (isMonth(m[1]!)) out.push(MONTH_FACT + Number(m[1]));
  for (const n of numbers) {
    const date = /^(\d{1,2})[./](\d{1,2})$/.exec(n);
    if (date && Number(date[1]) >= 1 && Number(date[1]) <= 31 && isMonth(date[2]!))
      out.push(MONTH_FACT + Number(date[2]));
    const monthYear = /^(\d{1,2})[./]\d{4}$/.exec(n);
    if (monthYear && isMonth(monthYear[1]!)) out.push(MONTH_FACT + Number(monthYear[1]));
  }
  return out;
}
