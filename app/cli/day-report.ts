// The URL ledger of one day as a table: one row per source, a column per bucket, the sum first.
import { vietnamDay } from '../../src/stats/selector-rot.js';
import { BUCKETS, UrlLedger, type DayAccount } from '../../src/stats/url-ledger.js';
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';
import type { SourceConfig } from '../../config/source-schema.js';

/** What the report reads. */
export interface DayReportDeps {
  redis: Redis;
  keys: Keys;
  sources: SourceConfig[];
}

export interface DayReport {
  day: string;
  sources: DayAccount[];
}

export async function dayReport(rt: DayReportDeps, day: string = vietnamDay()): Promise<DayReport> {
  const ledger = new UrlLedger(rt.redis, rt.keys);
  return { day, sources: await Promise.all(rt.sources.map((s) => ledger.day(s.id, day))) };
}

export function printDayReport(r: DayReport): string {
  const cols = ['discovered', ...BUCKETS];
  const width = Math.max(6, ...r.sources.map((s) => s.source.length));
  const row = (name: string, values: (string | number)[]) =>
    `${name.padEnd(width)}  ${values.map((v, i) => String(v).padStart(cols[i]!.length)).join('  ')}`;
  const total = cols.map((c) =>
    r.sources.reduce((a, s) => a + (c === 'discovered' ? s.discovered : s.counts[c as (typeof BUCKETS)[number]]), 0),
  );
  const lines = [
    `URLs discovered on ${r.day} (Vietnam time) and where each ended:`,
    row('source', cols),
    ...r.sources.map((s) => row(s.source, [s.discovered, ...BUCKETS.map((b) => s.counts[b])])),
    row('TOTAL', total),
  ];
  // The reasons behind the buckets that need reading: why failed, deferred, refused, off topic.
  for (const s of r.sources) {
    for (const b of ['failed', 'deferred', 'rejected', 'off-topic', 'stale'] as const) {
      const d = s.details[b];
      if (!d) continue;
      const top = Object.entries(d)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 3)
        .map(([why, n]) => `${n}× ${why}`);
      lines.push(`  ${s.source} ${b}: ${top.join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
