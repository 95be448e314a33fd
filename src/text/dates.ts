// Date parsing for feeds and article pages. Every shape listed in docs/outlets.md is
// handled; a time without a zone is read in the outlet's own zone (Asia/Ho_Chi_Minh, UTC+7, has
// no daylight saving, so a fixed offset is exact; KBS pages print KST, +09:00).
// Results are ISO 8601 strings rendered in the requested offset, e.g. 2026-08-23T05:20:00+07:00.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export const VIETNAM_OFFSET = '+07:00';

/** Minutes east of UTC for `+07:00`, `+0700`, `+07`, `Z`, `GMT`, `UTC`, `GMT+7`; null if unknown. */
export function offsetMinutes(zone: string): number | null {
  const z = zone.trim().toUpperCase();
  if (z === 'Z' || z === 'GMT' || z === 'UTC' || z === 'UT') return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Renders an instant in the given offset as ISO 8601 with that offset. */
export function formatIso(epochMs: number, offset: string = VIETNAM_OFFSET): string {
  const off = offsetMinutes(offset) ?? 420;
  const d = new Date(epochMs + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  zone: number | null; // minutes east of UTC, null = local to the outlet
}

function toEpoch(p: Parts, defaultOffset: string): number | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) return null;
  if (p.hour > 23 || p.minute > 59 || p.second > 60) return null;
  const zone = p.zone ?? offsetMinutes(defaultOffset) ?? 420;
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const check = new Date(utc);
  if (check.getUTCDate() !== p.day) return null; // 31 February and friends
  return utc - zone * 60_000;
}

function twoDigitYear(y: number): number {
  // Thanh Niên writes `23 Aug 26`: two-digit years are this century.
  return y < 100 ? 2000 + y : y;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toUpperCase() === 'PM';
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

type Parser = (s: string) => Parts | null;

const PARSERS: Parser[] = [
  // ISO 8601: 2023-11-02T19:20:45+07:00, 2025-10-11T10:02:08+0700, 2025-05-09 11:02 (no zone)
  (s) => {
    const m =
      /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
        s,
      );
    if (!m) return null;
    return {
      year: +m[1]!,
      month: +m[2]!,
      day: +m[3]!,
      hour: +(m[4] ?? 0),
      minute: +(m[5] ?? 0),
      second: +(m[6] ?? 0),
      zone: m[7] ? offsetMinutes(m[7]) : null,
    };
  },
  // RFC 822: [Sun, ]23 Aug 2026 02:00:00 +0700 | 23 Aug 26 05:52:00 +0700 | ... +07:00 | +07 | GMT
  (s) => {
    const m =
      /^(?:[a-z]{3,},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,4}|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
        s,
      );
    if (!m) return null;
    const month = MONTHS[m[2]!.toLowerCase()];
    if (!month) return null;
    const zone = m[7] ? offsetMinutes(m[7]) : null;
    if (m[7] && zone === null) return null;
    return {
      year: twoDigitYear(+m[3]!),
      month,
      day: +m[1]!,
      hour: +m[4]!,
      minute: +m[5]!,
      second: +(m[6] ?? 0),
      zone,
    };
  },
  // US style without zone (Tuổi Trẻ, Báo Chính phủ): 8/23/2026 5:20:00 AM (U+202F before AM)
  (s) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)$/i.exec(s);
    if (!m) return null;
    return {
      year: +m[3]!,
      month: +m[1]!,
      day: +m[2]!,
      hour: hour12(+m[4]!, m[7]),
      minute: +m[5]!,
      second: +(m[6] ?? 0),
      zone: null,
    };
  },
];

// Dates printed on pages, embedded in other text: "Thứ năm, 2/11/2023, 19:20 (GMT+7)",
// "05/10/2024 08:30 GMT+7", "17-01-2023 14:50", "Written: 2023-11-07 15:03:30".
const DAY_FIRST =
  /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[,-]?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?(?:\s*\(?\s*(GMT\s*[+-]\s*\d{1,2}(?::?\d{2})?)\)?)?/i;
const TIME_FIRST = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:ngày\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})/i;
const YEAR_FIRST = /(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?/;

function parseEmbedded(s: string): Parts | null {
  const y = YEAR_FIRST.exec(s);
  if (y) {
    return {
      year: +y[1]!,
      month: +y[2]!,
      day: +y[3]!,
      hour: +y[4]!,
      minute: +y[5]!,
      second: +(y[6] ?? 0),
      zone: null,
    };
  }
  const t = TIME_FIRST.exec(s);
  if (t) {
    return {
      year: +t[6]!,
      month: +t[5]!,
      day: +t[4]!,
      hour: +t[1]!,
      minute: +t[2]!,
      second: +(t[3] ?? 0),
      zone: null,
    };
  }
  const d = DAY_FIRST.exec(s);
  if (d) {
    return {
      year: +d[3]!,
      month: +d[2]!,
      day: +d[1]!,
      hour: +(d[4] ?? 0),
      minute: +(d[5] ?? 0),
      second: +(d[6] ?? 0),
      zone: d[7] ? offsetMinutes(d[7].replace(/\s+/g, '')) : null,
    };
  }
  return null;
}

function clean(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Before this, a "publication date" is a placeholder (0001-01-01, the Unix epoch), not news. */
const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);
/** Outlets post a little ahead (time zones, scheduled posts); further ahead is a bad or hostile date. */
const MAX_AHEAD_MS = 2 * 24 * 3600 * 1000;

/**
 * Parses a date string as found in feeds or page metadata. `defaultOffset` is the outlet's zone,
 * used when the string has none. Returns epoch milliseconds, or null when nothing fits. A date outside 1990 … now + 2 days is null
 * too: a feed item dated 9999 would otherwise sort first for ever and keep a backfill walking.
 */
export function parseDate(
  raw: string,
  defaultOffset: string = VIETNAM_OFFSET,
  now: number = Date.now(),
): number | null {
  const s = clean(raw);
  if (!s) return null;
  let ms: number | null = null;
  for (const parse of PARSERS) {
    const parts = parse(s);
    if (parts) {
      ms = toEpoch(parts, defaultOffset);
      break;
    }
  }
  if (ms === null) {
    const embedded = parseEmbedded(s);
    ms = embedded ? toEpoch(embedded, defaultOffset) : null;
  }
  return ms !== null && ms >= EARLIEST_PLAUSIBLE && ms <= now + MAX_AHEAD_MS ? ms : null;
}

/** parseDate rendered as ISO 8601 in the outlet's offset, or null. */
export function parseDateIso(raw: string, defaultOffset: string = VIETNAM_OFFSET): string | null {
  const ms = parseDate(raw, defaultOffset);
  return ms === null ? null : formatIso(ms, defaultOffset);
}
