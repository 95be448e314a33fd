// `tinwatch audit`: its --since, its run against the runtime, and its report as text.
import { ConfigError } from '../../config/errors.js';
import { auditSource, type AuditResult } from '../../crawlers/audit/audit-source.js';
import { NOT_MISSED, UNEXPLAINED, VERDICTS } from '../../crawlers/audit/audit-verdict.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { crawlDepsOf } from '../../workers/crawl-deps-of.js';

/** `--since`: a date or instant (ISO 8601), or a span back from now (`36h`, `3d`). */
export function parseSince(text: string | undefined, now = Date.now()): Date {
  const value = text ?? '48h';
  const span = /^(\d{1,4})([hd])$/.exec(value);
  if (span) return new Date(now - Number(span[1]) * (span[2] === 'h' ? 3_600_000 : 86_400_000));
  const t = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(t))
    throw new ConfigError(`--since: "${value}" is neither a date (2026-12-07, ISO 8601) nor a span (36h, 3d)`);
  return new Date(t);
}

export async function runAudit(rt: Runtime, sourceId: string, since: Date): Promise<AuditResult> {
  const source = rt.sources.find((s) => s.id === sourceId);
  if (!source)
    throw new ConfigError(`audit: no source "${sourceId}" (one of: ${rt.sources.map((s) => s.id).join(', ')})`);
  const health = await rt.stats.health(source.id);
  const reads = [health.lastPollAt, health.lastCrawlAt].filter((x): x is string => !!x).sort();
  const log = rt.log.child({ command: 'audit' });
  return auditSource({ ...crawlDepsOf(rt, log), outDir: rt.outDir, lastReadAt: reads.at(-1) ?? null }, source, since);
}

export function printAudit(r: AuditResult): string {
  const out = [
    `audit of ${r.source}: ${r.pagesRead.length} page(s) read, ${r.listed} article URL(s) listed since ${r.since}` +
      (r.olderThanSince ? ` (${r.olderThanSince} older not judged)` : '') +
      (r.rejectedOnListings ? `; ${r.rejectedOnListings} other link(s) on listing pages` : ''),
  ];
  for (const u of r.unreadable) out.push(`  could not read ${u.url}: ${u.reason}`);
  const group = (title: string, pick: (v: (typeof VERDICTS)[number]) => boolean) => {
    const rows = VERDICTS.filter((v) => pick(v) && r.counts[v] > 0);
    if (rows.length) out.push(`${title}:`, ...rows.map((v) => `  ${v.padEnd(20)} ${String(r.counts[v]).padStart(5)}`));
  };
  group('not missed', (v) => NOT_MISSED.has(v));
  group('missed, with the reason recorded', (v) => !NOT_MISSED.has(v) && !UNEXPLAINED.has(v));
  group('MISSED WITH NO RECORDED REASON', (v) => UNEXPLAINED.has(v));
  const missed = r.lines.filter((l) => !NOT_MISSED.has(l.verdict));
  if (missed.length) out.push('missed:');
  for (const l of missed)
    out.push(
      `  ${l.verdict.padEnd(18)} ${l.url}${l.reason ? ` — ${l.reason}` : ''}` +
        ` (listed ${l.listedAt ?? 'undated'} on ${l.listedOn[0]}${l.listedOn.length > 1 ? ` +${l.listedOn.length - 1}` : ''})`,
    );
  // Nothing read: nothing was compared, so no verdict line (that would read as "nothing missed").
  if (r.pagesRead.length > 0)
    out.push(
      r.unexplained
        ? `${r.unexplained} of ${r.listed} listed URL(s) missed with no recorded reason`
        : `every listed URL is written or its miss has a recorded reason (${r.missed} missed)`,
    );
  return `${out.join('\n')}\n`;
}
