// What `tinwatch recover` does and prints: the folder checked, then rebuilt into Redis.
import { otherPrefixMessage } from '../../src/write/claim-folder.js';
import { checkOutDir, OutFolderError, readFolderIdentity } from '../../src/write/folder-identity.js';
import { recoverFolder } from '../../src/recover/recover-folder.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';

export async function runRecover(rt: Runtime, force: boolean): Promise<string> {
  checkOutDir(rt.outDir, 'read');
  const identity = readFolderIdentity(rt.outDir);
  if (identity && identity.prefix !== rt.keys.prefix)
    throw new OutFolderError(otherPrefixMessage(rt.outDir, identity, rt.keys.prefix));
  if (identity && !force && (await rt.redis.get(rt.keys.outFolder)) === identity.id)
    return `Redis (prefix "${rt.keys.prefix}") already holds the record of ${rt.outDir}: nothing to recover (--force rebuilds it anyway)\n`;
  const r = await recoverFolder(rt.redis, rt.keys, rt.outDir, {
    sources: rt.sources,
    retentionDays: rt.env.TINWATCH_DEDUPE_RETENTION_DAYS,
    bucketBits: rt.env.TINWATCH_DEDUPE_BUCKET_BITS,
    alerts: { watchlist: rt.alerts.watchlist, matcher: rt.alerts.matcher, alertQueue: rt.queues.alert },
  });
  const owed = r.owed ?? { digestEntries: 0, instantQueued: 0, missingTexts: 0 };
  const warn = (n: number, what: string): string => (n > 0 ? `! ${n} ${what}\n` : '');
  return (
    `recovered prefix "${rt.keys.prefix}" from ${rt.outDir}: ${r.articles} article(s), ${r.duplicates} duplicate line(s); ` +
    `next file number ${r.nextSeq}; ${r.seen} URL(s) marked seen; ${r.alertsMarked} alert(s) marked sent; ` +
    `alerts still owed: ${owed.digestEntries} digest entr${owed.digestEntries === 1 ? 'y' : 'ies'}, ${owed.instantQueued} instant; ` +
    `duplicate index: ${r.index.indexed} stor${r.index.indexed === 1 ? 'y' : 'ies'}; ` +
    `${r.alertState.threadRoots} thread link(s), ${r.alertState.ruleHits} recent rule match(es), ` +
    `${r.alertState.threadMarks} thread alert(s) and ${r.alertState.spikeMarks} spike(s) marked\n` +
    warn(
      r.filesWithoutLine,
      'article file(s) without a manifest line: their numbers are kept, a recrawl writes their lines',
    ) +
    warn(
      r.seenUnmatched,
      "line(s) whose URL no longer gives their story id (a source's URL rules changed): not marked seen",
    ) +
    warn(r.damagedLines, 'damaged manifest line(s) skipped: run `tinwatch manifest check --repair`') +
    warn(r.damagedAlertLines, 'damaged line(s) in alerts.jsonl skipped') +
    warn(r.alertsExpired, 'alert line(s) older than 180 days not marked') +
    warn(owed.missingTexts, 'story text(s) missing for an owed alert: the alert quotes the title') +
    r.index.missingFiles.map((f) => `! file missing: ${f}\n`).join('')
  );
}
