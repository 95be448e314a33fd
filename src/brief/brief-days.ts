// The days a briefing covers, as Vietnam calendar days: the day itself, and the 14 days its
// coverage chart shows (the day and the 13 before it). A Vietnam day runs from 00:00 +07:00.
import { vietnamDate } from '../text/vietnam-time.js';

export const CHART_DAYS = 14;

/** [start, end) of a Vietnam day as UTC instants. */
export function dayBounds(day: string): { from: string; to: string } {
  const from = Date.parse(`${day}T00:00:00+07:00`);
  return { from: new Date(from).toISOString(), to: new Date(from + 86_400_000).toISOString() };
}

/** The day `n` days after (or before, n < 0) a Vietnam day. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The chart's days, oldest first, ending with `day`. */
export function chartDays(day: string, count = CHART_DAYS): string[] {
  return Array.from({ length: count }, (_, i) => addDays(day, i - count + 1));
}

/** A real calendar day ("2026-02-30" is not, nor "2026-13-45", which no Date can hold). */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && Number.isFinite(Date.parse(`${day}T00:00:00Z`)) && addDays(day, 0) === day;
}

/** The Vietnam day of an instant; empty when unknown. */
export const dayOf = vietnamDate;
