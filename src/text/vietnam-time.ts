// One time zone for everything a person reads: Asia/Ho_Chi_Minh with its offset written out
// (Vietnam keeps +07:00 all year), whatever zone the outlet or the server used.
const VN_OFFSET_MS = 7 * 3_600_000;

/** A calendar day as people type one, "2026-08-20" (read as a day in Vietnam). */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function shifted(at: string | number | Date): Date | null {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(ms) ? new Date(ms + VN_OFFSET_MS) : null;
}

/** "2026-08-20 15:05 +07:00"; empty for a missing or unreadable time. */
export function vietnamTime(at: string | number | Date | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  const d = shifted(at);
  return d ? `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} +07:00` : '';
}

/** The calendar day in Vietnam, "2026-08-20"; empty for a missing or unreadable time. */
export function vietnamDate(at: string | number | Date | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  return shifted(at)?.toISOString().slice(0, 10) ?? '';
}

/** "just now", "12 min ago", "3 h ago", "2 days ago"; past a week, the Vietnam date. */
export function relativeTime(at: string | number | Date | null | undefined, now = Date.now()): string {
  if (at === null || at === undefined || at === '') return '';
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) return '';
  const ago = now - ms;
  if (ago < -60_000) return vietnamTime(ms);
  if (ago < 60_000) return 'just now';
  if (ago < 3_600_000) return `${Math.floor(ago / 60_000)} min ago`;
  if (ago < 86_400_000) return `${Math.floor(ago / 3_600_000)} h ago`;
  if (ago < 7 * 86_400_000) {
    const days = Math.floor(ago / 86_400_000);
    return days === 1 ? 'yesterday' : `${days} days ago`;
  }
  return vietnamDate(ms);
}
