// Why a URL an outlet lists was or was not written: one verdict per URL from what tinwatch
// recorded about it (recorded-fates.ts). Pure. A URL missed with no recorded reason is what the
// audit exists to find: `tinwatch audit` exits 1 when there is one.
import type { Fate } from './recorded-fates.js';

export const VERDICTS = [
  // not missed
  'written',
  'related',
  // missed, and tinwatch recorded why
  'duplicate',
  'off-topic',
  'stale',
  'failed',
  'deferred',
  'rejected',
  'in-progress',
  'not-yet-read',
  // missed with no recorded reason
  'never-discovered',
  'fetched-no-outcome',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const UNEXPLAINED: ReadonlySet<Verdict> = new Set(['never-discovered', 'fetched-no-outcome']);
export const NOT_MISSED: ReadonlySet<Verdict> = new Set(['written', 'related']);

export interface Judged {
  verdict: Verdict;
  /** The recorded reason (the ledger's detail, the rule), or what is known when none was recorded. */
  reason: string | null;
}

const LEDGER_VERDICT: Record<string, Verdict> = {
  written: 'written',
  borderline: 'written',
  related: 'related',
  duplicate: 'duplicate',
  'off-topic': 'off-topic',
  stale: 'stale',
  failed: 'failed',
  deferred: 'deferred',
  rejected: 'rejected',
  'in-progress': 'in-progress',
};

/**
 * The verdict of one listed URL. `listedAt`: the date its listing gives (null: none);
 * `lastReadAt`: when the source's feeds or listings were last read (null: never).
 */
export function judge(fate: Fate, listedAt: string | null, lastReadAt: string | null): Judged {
  if (fate.manifest === 'article') return { verdict: 'written', reason: null };
  if (fate.ledger) {
    const bar = fate.ledger.entry.indexOf('|');
    const bucket = bar < 0 ? fate.ledger.entry : fate.ledger.entry.slice(0, bar);
    const detail = bar < 0 ? null : fate.ledger.entry.slice(bar + 1);
    const verdict = LEDGER_VERDICT[bucket];
    if (verdict)
      return { verdict, reason: detail ?? (bucket === 'in-progress' ? 'fetched, its job not finished' : null) };
  }
  if (fate.manifest === 'duplicate') return { verdict: 'duplicate', reason: 'a duplicate line in the manifest' };
  if (fate.seen)
    return { verdict: 'fetched-no-outcome', reason: 'fetched, but no outcome is recorded in the days searched' };
  const listed = listedAt ? Date.parse(listedAt) : NaN;
  if (lastReadAt === null) return { verdict: 'not-yet-read', reason: 'the source was never crawled or polled' };
  if (Number.isFinite(listed) && listed > Date.parse(lastReadAt))
    return { verdict: 'not-yet-read', reason: `listed after the last read (${lastReadAt})` };
  return { verdict: 'never-discovered', reason: null };
}
