// The facts a text states, as the new-facts test (lead-facts.ts) compares them: its figures and
// the capitalised syllables of its names, and the forms under which a text "knows" them.
// A lead's facts are read strictly; the known set is generous, because a false "known" only makes
// the rule merge as it did before the test existed, while a false "new" splits a copy. Outlets
// write one fact many ways (measured on real republications, issue 34): a date as 16/5,
// 16/05/2016, 16-5 or 16.5; a small count as a word or a digit; "TP.HCM" for "Thành phố Hồ Chí
// Minh"; "Phường", "Tỉnh", "Ông" capitalised by house style, not because they name anyone.
import { vietnamDate } from '../text/vietnam-time.js';
import { knownMonths, namedMonths, spelledDates, withoutReferencePoints } from './figure-forms.js';

// A figure with its separators: 28.500, 1,5, a date 2/7 or 2/7/2026 (one fact, so the 2/7 of one
// day and the 27/6 of another never meet as loose digits).
const NUMBER = /\d+(?:[.,/-]\d+)*/gu;
const SENTENCE_END = /[.!?…:;"“”]$/u;
// 16/05/2016 or 16.05.2016 (after numbersOf turned dashes into slashes), one separator throughout.
const DATE_WITH_YEAR = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})$/;

/** A day and month of the calendar, as the numbers say (not a proof it is a date). */
const calendarDay = (d: string, m: string): boolean =>
  Number(d) >= 1 && Number(d) <= 31 && Number(m) >= 1 && Number(m) <= 12;

/** A figure as numbersOf writes it that reads as a day and month (16/5): a date. */
export const isCalendarDate = (n: string): boolean => {
  const dm = /^(\d{1,2})\/(\d{1,2})$/.exec(n);
  return dm !== null && calendarDay(dm[1]!, dm[2]!);
};

/**
 * The text's figures, canonical: `,` as `.`, `-` as `/`, no leading zeros, a date spelled out as
 * its figures ("ngày 3 tháng 11" is 3/11), and a date's year dropped (16/05/2016 is the 16/5 a
 * copy's lead says; a column's days differ by day, not year).
 */
export function numbersOf(text: string): string[] {
  return [...spelledDates(text).matchAll(NUMBER)].flatMap((m) => {
    const dotted = m[0].replace(/,/g, '.');
    // Thousands written with or without separators are one figure: 28.500 = 28,500 = 28500.
    if (THOUSANDS.test(dotted)) return [dotted.replace(/\./g, '')];
    const n = dotted.replace(/-/g, '/').replace(/(^|[./])0+(?=\d)/g, '$1');
    // A range of years is its two years: "2017-2020" is the "2017 – 2020" another outlet spaces.
    const years = YEAR_RANGE.exec(n);
    if (years) return [years[1]!, years[2]!];
    const date = DATE_WITH_YEAR.exec(n);
    return [date && calendarDay(date[1]!, date[3]!) ? `${date[1]}/${date[3]}` : n];
  });
}

const YEAR_RANGE = /^((?:19|20)\d\d)\/((?:19|20)\d\d)$/;

/** A whole number in groups of three (28.500, 1.000.000): thousands separators, as numbersOf has made them dots. */
const THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

/** 28500 as 28.500: the form stories indexed before numbersOf dropped separators hold (their lead facts). */
const grouped = (n: string): string => n.replace(/\B(?=(\d{3})+$)/g, '.');

// How old someone is, written as an age ("54 tuổi") or a birth year ("SN 1962", "sinh năm 1962"):
// one outlet writes the birth year, another the age it makes in the year of publication, which
// the index does not know. So a title or lead reads either as the one fact AGE_FACT ("an age is
// stated"), known to a text that states any age or birth year. The person's name carries who it
// is; a column's day or a follow-up adds dates, figures and people, not a new age for one person.
const AGE_OR_BIRTH_YEAR = /(?<![\p{L}\p{N}])(?:\d{1,3}\s*tuổi|(?:SN|sinh năm)\s*\d{4})(?![\p{L}\p{N}])/giu;
export const AGE_FACT = 'tuổi';

/**
 * The figures a title or lead states, as the new-facts test compares them: numbersOf, but an age
 * or a birth year as the one fact AGE_FACT, a month named as such as its month fact, and no
 * superlative's reference point (figure-forms.ts).
 */
export function leadNumbersOf(text: string): string[] {
  const { rest: undated, months } = namedMonths(withoutReferencePoints(spelledDates(text.normalize('NFC'))));
  const rest = undated.replace(AGE_OR_BIRTH_YEAR, ' ');
  return [...numbersOf(rest), ...(rest === undated ? [] : [AGE_FACT]), ...months];
}

// "Hôm nay" (today), "sáng nay" (this morning)… name the day the text was published: a copy may
// say it where its original gave the date, or the other way round. Read against the publication
// day it is that date, known to the text; it is never a lead fact (read strictly, a lead's
// figures are what it writes).
const TODAY = /(?<!\p{L})(?:hôm|sáng|trưa|chiều|tối|đêm) nay(?!\p{L})/iu;

/** The day and month of a publication time (ISO 8601) as a text's "hôm nay" names them; none when unknown. */
export function publishedDayForms(published: string | null): string[] {
  // The day in Vietnam, as the outlet's reader counts "today", whatever zone the time was written in.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(vietnamDate(published));
  if (day === null) return [];
  const [d, m] = [Number(day[3]), Number(day[2])];
  return [`${d}/${m}`, `${d}.${m}`];
}

/** The publication day's forms (publishedDayForms, read once per story) when the text says "hôm nay". */
export function todayForms(text: string, dayForms: readonly string[]): readonly string[] {
  return dayForms.length && TODAY.test(text.normalize('NFC')) ? dayForms : [];
}

// Small counts an outlet may spell out ("hai người", "ba ngày"); folded, toneless. Words that are
// also common words (năm: year, ba: father) make their digit known everywhere: generous, as above.
const NUMBER_WORDS: Record<string, string> = {
  mot: '1',
  hai: '2',
  ba: '3',
  bon: '4',
  nam: '5',
  sau: '6',
  bay: '7',
  tam: '8',
  chin: '9',
  muoi: '10',
};

/** Every form under which a text knows its figures: each figure, a date's other spellings, years, spelled-out counts. */
export function knownNumberForms(text: string): string[] {
  const out: string[] = [];
  const nfc = text.normalize('NFC');
  const numbers = numbersOf(nfc);
  for (const n of numbers) {
    out.push(n);
    if (/^\d{4,}$/.test(n)) out.push(grouped(n));
    const dm = /^(\d{1,2})[./](\d{1,2})$/.exec(n);
    if (dm && calendarDay(dm[1]!, dm[2]!)) out.push(`${dm[1]}/${dm[2]}`, `${dm[1]}.${dm[2]}`);
    const monthYear = /^(\d{1,2})[./](\d{4})$/.exec(n);
    if (monthYear) out.push(`${monthYear[1]}/${monthYear[2]}`, `${monthYear[1]}.${monthYear[2]}`, monthYear[2]!);
  }
  for (const m of text.matchAll(/(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})/g)) {
    out.push(m[4]!);
    // 16.05.2016 as stories indexed before dotted dates were dates hold it among their lead facts.
    if (m[2] === '.') out.push(`${Number(m[1])}.${Number(m[3])}.${m[4]}`);
  }
  // One separator before three digits ending in zeros is thousands (103.300 = 103300) or a
  // decimal padded by the writer (103.300 where the original wrote 103.3): known as both.
  for (const m of text.matchAll(/(?<![\d.,])(\d{1,3})[.,](\d[1-9]0|[1-9]00)(?![\d]|[.,]\d)/g))
    out.push(`${m[1]}.${m[2]!.replace(/0+$/, '')}`);
  out.push(...knownMonths(nfc, numbers));
  if (nfc.search(AGE_OR_BIRTH_YEAR) >= 0) out.push(AGE_FACT);
  for (const w of fold(text).split(/[^a-z]+/)) if (NUMBER_WORDS[w]) out.push(NUMBER_WORDS[w]);
  return out;
}

// Syllables of the places the beat always names: an editor's rewritten lead may add the country
// ("theo truyền thông Hàn Quốc") its original never named, and that is no new actor. They stay
// in the known set; they only do not count as new in a lead.
const PLACE_SYLLABLES = new Set(
  'han quoc trieu tien my hoa ky nhat ban trung nga viet nam seoul washington binh nhuong tokyo bac kinh dong a chau au'.split(
    ' ',
  ),
);

// Words house style capitalises that name nobody: administrative units, forms of address, the
// generic head of a body's name, a season ("Hè": a transfer window). An actor is the name after them.
const STYLE_CAPITALS = new Set(
  'thanh pho tinh quan huyen phuong xa thi tran to ap thon ong ba anh chi chu tich pho giam doc bo so cuc ban uy ngay sang chieu toi hom nay sau theo trong khi tai tu he'.split(
    ' ',
  ),
);

export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

const capitalised = (word: string): boolean => /^\p{Lu}/u.test(word) && !/\d/.test(word);

/**
 * Capitalised syllables. A sentence's first word is capitalised by position: it counts only when
 * the next word is capitalised too (a name opening the sentence: "Daniel Whitmore, nghị sĩ, …"),
 * or when `all` (the known set, where more is only safer).
 */
export function namesOf(text: string, all: boolean): string[] {
  const raws = text.normalize('NFC').split(/\s+/).filter(Boolean);
  const words = raws.map((raw) => raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const out: string[] = [];
  let start = true;
  for (let i = 0; i < raws.length; i++) {
    const word = words[i]!;
    const opensName =
      !start || all || (i + 1 < words.length && capitalised(words[i + 1]!) && !SENTENCE_END.test(raws[i]!));
    // A hyphenated name (Jae-myung, Tae-hoon) counts its syllables: a new Korean actor shares a
    // surname with many, not a given name.
    if (word && capitalised(word) && opensName)
      for (const syllable of word.split('-')) if (syllable) out.push(fold(syllable));
    start = SENTENCE_END.test(raws[i]!) || raws[i] === '-' || raws[i] === '–';
    // The known set holds the names an acronym spells: a lead may spell out what the other wrote short.
    // Tp.HCM, TP.HCM, TPHCM: each all-capital part of the word.
    if (all)
      for (const part of word.split('.'))
        if (/^\p{Lu}{2,}$/u.test(part)) out.push(...(ACRONYM_NAMES[fold(part)] ?? []));
  }
  return out;
}

/** Acronyms of names a lead may spell out (the city most of all), as their syllables. */
const ACRONYM_NAMES: Record<string, string[]> = {
  hcm: ['ho', 'chi', 'minh'],
  tphcm: ['ho', 'chi', 'minh'],
};

/** An acronym, however written: TP.HCM, GD&ĐT, CLB, UBND (all capitals, two or more letters). */
const ACRONYM = /^[\p{Lu}.&]{2,}$/u;

/**
 * The syllables of a lead that may name a new actor: its names, less the beat's places, the
 * words style capitalises, and acronyms (one outlet's TP.HCM is another's Thành phố Hồ Chí Minh).
 */
export function leadNamesOf(lead: string): string[] {
  const acronyms = new Set(
    lead
      .normalize('NFC')
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
      .filter((w) => ACRONYM.test(w))
      .flatMap((w) => w.split('-').map(fold)),
  );
  return namesOf(lead, false).filter((p) => !PLACE_SYLLABLES.has(p) && !STYLE_CAPITALS.has(p) && !acronyms.has(p));
}
