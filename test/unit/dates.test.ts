import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIso, parseDate, parseDateIso } from '../../src/text/dates.js';
import { referenceMissing, referencePath } from '../../evaluation/reference-material.js';

const RSS_ITEMS = referencePath('rss-items-2026.jsonl.gz');
const rssMissing = referenceMissing(RSS_ITEMS, 'the 2026 RSS items');
if (rssMissing) process.stderr.write(`dates: real pubDates ${rssMissing}\n`);

describe('parseDateIso: every pubDate shape the outlets serve (docs/outlets.md)', () => {
  it.each([
    ['Sun, 23 Aug 2026 02:00:00 +0700', '2026-08-23T02:00:00+07:00'], // VnExpress, Dân trí, VOV
    ['Sun, 23 Aug 26 05:52:00 +0700', '2026-08-23T05:52:00+07:00'], // Thanh Niên, 2-digit year
    ['8/23/2026 5:20:00\u202fAM', '2026-08-23T05:20:00+07:00'], // Tuổi Trẻ, U+202F, no zone
    ['8/22/2026 11:00:00 PM', '2026-08-22T23:00:00+07:00'], // Báo Chính phủ
    ['8/22/2026 12:05:00 AM', '2026-08-22T00:05:00+07:00'],
    ['Sun, 23 Aug 2026 05:54:32 +07:00', '2026-08-23T05:54:32+07:00'], // ZCE sites
    ['Fri, 14 Aug 2026 07:54:00 +07', '2026-08-14T07:54:00+07:00'], // CafeF, VTV
    ['Sat, 22 Aug 2026 09:16:02 GMT', '2026-08-22T16:16:02+07:00'], // VnEconomy, BBC
    ['2023-11-02T19:20:45+07:00', '2023-11-02T19:20:45+07:00'],
    ['2025-10-11T10:02:08+0700', '2025-10-11T10:02:08+07:00'],
    ['2025-05-09 11:02', '2025-05-09T11:02:00+07:00'], // Dân trí datetime attr, no zone
    ['Thứ năm, 2/11/2023, 19:20 (GMT+7)', '2023-11-02T19:20:00+07:00'], // VnExpress visible date
    ['05/10/2024 08:30 GMT+7', '2024-10-05T08:30:00+07:00'],
    ['17-01-2023 14:50', '2023-01-17T14:50:00+07:00'], // military.com.vn
  ])('%s → %s', (raw, iso) => {
    expect(parseDateIso(raw)).toBe(iso);
  });

  it('reads zone-less times in the outlet zone (KBS: KST)', () => {
    expect(parseDateIso('Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46', '+09:00')).toBe(
      '2023-11-07T15:03:30+09:00',
    );
  });

  it.each([
    '',
    'hôm qua',
    '31 Feb 2026 10:00:00 +0700',
    '2026-13-01',
    'Sun, 23 Foo 2026 02:00:00 +0700',
    '1/1/2026 25:00:00 AM',
  ])('rejects %j', (raw) => {
    expect(parseDateIso(raw)).toBeNull();
  });

  it.skipIf(rssMissing !== null)('parses ≥ 99.9% of the 14,434 real RSS pubDates, and Tuổi Trẻ as +07:00', () => {
    const gz = readFileSync(RSS_ITEMS);
    const items = gunzipSync(gz)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outlet: string; published: string });
    expect(items.length).toBe(14_434);
    const failed = items.filter((i) => i.published && parseDate(i.published) === null);
    expect(failed.slice(0, 5)).toEqual([]);
    const tt = items.find((i) => i.outlet.startsWith('Tuổi Trẻ'))!;
    expect(parseDateIso(tt.published)).toMatch(/\+07:00$/);
    const years = new Set(items.map((i) => parseDateIso(i.published)?.slice(0, 4)));
    expect([...years].filter(Boolean)).toEqual(['2026']);
  });

  it('formatIso and parseDate round-trip any instant (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 631_152_000, max: 4_000_000_000 }).map((s) => s * 1000),
        fc.constantFrom('+07:00', '+09:00', '+00:00', '-05:00'),
        (ms, off) => {
          // Any plausible instant (1990 on), with "now" set past the range so the future bound stays out of it.
          expect(parseDate(formatIso(ms, off), '+07:00', 4_100_000_000_000)).toBe(ms);
        },
      ),
    );
  });
});

describe('implausible dates', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('refuses dates far in the future or before 1990, keeps a little ahead for scheduled posts', () => {
    expect(parseDate('9999-12-31T00:00:00Z', '+07:00', now)).toBeNull();
    expect(parseDate('Fri, 01 Jan 2100 00:00:00 GMT', '+07:00', now)).toBeNull();
    expect(parseDate('2026-12-05 08:00', '+07:00', now)).toBeNull();
    expect(parseDate('0001-01-01T00:00:00Z', '+07:00', now)).toBeNull();
    expect(parseDate('1970-01-01T00:00:00Z', '+07:00', now)).toBeNull();
    expect(parseDate('2026-11-28T20:00:00+07:00', '+07:00', now)).toBe(Date.parse('2026-11-28T13:00:00Z'));
    expect(parseDate('1995-03-01', '+07:00', now)).not.toBeNull();
  });
});
