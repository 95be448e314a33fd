// `tinwatch audit SOURCE`: did we miss anything? What the outlet lists now (listed-urls.ts),
// within the window asked for, against what tinwatch recorded (recorded-fates.ts), one verdict per
// URL (audit-verdict.ts), with the counts.
import type { SourceConfig } from '../../config/source-schema.js';
import { requestHeaders } from '../request-policy.js';
import { RobotsPolicy } from '../robots-policy.js';
import type { CrawlDeps } from '../crawl/crawl-deps.js';
import { robotsGate } from '../crawl/robots-gate.js';
import { judge, NOT_MISSED, UNEXPLAINED, VERDICTS, type Verdict } from './audit-verdict.js';
import { listedUrls } from './listed-urls.js';
import { ledgerDays, recordedFates } from './recorded-fates.js';

export interface AuditLine {
  url: string;
  storyId: string | null;
  listedAt: string | null;
  listedOn: string[];
  verdict: Verdict;
  reason: string | null;
}

export interface AuditResult {
  source: string;
  since: string;
  pagesRead: string[];
  unreadable: { url: string; reason: string }[];
  /** Article URLs listed within the window (dated at or after `since`, or undated). */
  listed: number;
  /** Listed, but dated before `since`: not judged. */
  olderThanSince: number;
  /** Links of listing pages the URL rules refuse (menus, sections): counted only. */
  rejectedOnListings: number;
  counts: Record<Verdict, number>;
  /** Listed and not written. */
  missed: number;
  /** Missed with no recorded reason: the audit's failure. */
  unexplained: number;
  /** Every judged URL, missed ones first. */
  lines: AuditLine[];
}

export interface AuditDeps extends CrawlDeps {
  outDir: string;
  /** When the source's feeds or listings were last read (null: never). */
  lastReadAt: string | null;
}

export async function auditSource(deps: AuditDeps, source: SourceConfig, since: Date): Promise<AuditResult> {
  const listing = await listedUrls(deps, source);
  const inWindow = (at: string | null) => !at || !(Date.parse(at) < since.getTime());
  const items = listing.listed.filter((l) => inWindow(l.feedPublishedAt));
  const rejectedLinks = listing.rejected;
  const { fates } = await recordedFates(
    deps,
    source.id,
    items,
    rejectedLinks.map((r) => r.url),
    ledgerDays(since),
  );
  const lines: AuditLine[] = items.map((it, i) => ({
    url: it.url,
    storyId: it.storyId,
    listedAt: it.feedPublishedAt,
    listedOn: it.listedOn,
    ...judge(fates[i]!, it.feedPublishedAt, deps.lastReadAt),
  }));
  // A URL nobody recorded may be one robots.txt forbids: the crawl leaves it too, and says so.
  const robots = new RobotsPolicy({ ...deps, userAgent: requestHeaders(source)['user-agent']! });
  const unexplained = lines.filter((l) => l.verdict === 'never-discovered');
  const gate = await robotsGate(robots, deps.log, unexplained);
  for (const l of gate.disallowed) Object.assign(l, { verdict: 'deferred', reason: 'robots.txt disallows' });
  for (const u of gate.unreachable)
    Object.assign(u.item, { verdict: 'failed', reason: `robots.txt unreachable: ${u.reason}` });
  for (const r of rejectedLinks)
    lines.push({
      url: r.url,
      storyId: null,
      listedAt: null,
      listedOn: [r.listedOn],
      verdict: 'rejected',
      reason: r.why,
    });

  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const l of lines) counts[l.verdict]++;
  const rank = (v: Verdict) => (UNEXPLAINED.has(v) ? 0 : NOT_MISSED.has(v) ? 2 : 1);
  lines.sort((a, b) => rank(a.verdict) - rank(b.verdict) || VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict));
  return {
    source: source.id,
    since: since.toISOString(),
    pagesRead: listing.pagesRead,
    unreadable: listing.unreadable,
    listed: items.length + rejectedLinks.length,
    olderThanSince: listing.listed.length - items.length,
    rejectedOnListings: listing.rejectedOnListings,
    counts,
    missed: lines.filter((l) => !NOT_MISSED.has(l.verdict)).length,
    unexplained: lines.filter((l) => UNEXPLAINED.has(l.verdict)).length,
    lines,
  };
}
