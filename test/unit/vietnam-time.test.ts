// One time zone for people: every instant shows as the same Vietnam wall time whatever zone it
// was written in, and relative times read as people expect.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeTime, vietnamDate, vietnamTime } from '../../src/text/vietnam-time.js';

describe('vietnam time', () => {
  it('shows an instant the same whatever offset it was written with', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (d, offsetMin) => {
          const local = new Date(d.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const zoned = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const utc = `${d.toISOString().slice(0, 19)}Z`;
          expect(vietnamTime(zoned)).toBe(vietnamTime(utc));
          expect(vietnamTime(utc)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d \+07:00$/);
        },
      ),
    );
  });

  it('turns the day over at midnight in Vietnam, not in UTC', () => {
    expect(vietnamTime('2026-08-20T16:59:00Z')).toBe('2026-08-20 23:59 +07:00');
    expect(vietnamDate('2026-08-20T17:00:00Z')).toBe('2026-08-21');
    expect(vietnamTime('2026-08-21T08:00:00+07:00')).toBe('2026-08-21 08:00 +07:00');
  });

  it('says nothing for a missing or unreadable time', () => {
    for (const bad of [null, undefined, '', 'yesterday', '2026-13-45']) {
      expect(vietnamTime(bad)).toBe('');
      expect(relativeTime(bad)).toBe('');
    }
  });

  it('reads relative times as people expect, and a date past a week', () => {
    const now = Date.parse('2026-08-24T12:00:00Z');
    const ago = (ms: number) => relativeTime(new Date(now - ms).toISOString(), now);
    expect(ago(10_000)).toBe('just now');
    expect(ago(12 * 60_000)).toBe('12 min ago');
    expect(ago(3 * 3_600_000)).toBe('3 h ago');
    expect(ago(30 * 3_600_000)).toBe('yesterday');
    expect(ago(3 * 86_400_000)).toBe('3 days ago');
    expect(ago(30 * 86_400_000)).toBe('2026-07-25');
    // A time ahead of the clock (a wrong zone at the outlet) is shown exactly, not "in the future".
    expect(relativeTime('2026-08-24T20:00:00Z', now)).toBe('2026-08-25 03:00 +07:00');
  });
});
