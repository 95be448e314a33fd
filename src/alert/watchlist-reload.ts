// Hot reload of the watchlist file: an edit takes effect within seconds, without a restart. The
// file is polled (fs.watchFile), not watched for events: editors save by writing a new file and
// renaming it over the old one, which an inode watch loses. A bad edit is refused with the
// file:line reason and the last good rules stay in force.
// A file is applied only once it has stood unchanged for a settle time (SETTLE_MS) and parses:
// a writer that saves in pieces (a first chunk ending on a whole line parses, with rules missing)
// must never have its half applied. Writers should still save by rename (write a temp file, then
// rename it over the watchlist), which is atomic. A reload that removes many rules at once is
// logged as an error, since a truncated file looks exactly like that.
import { statSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { readWatchlist } from '../../config/load-watchlist.js';
import type { Watchlist } from '../../config/watchlist-schema.js';
import type { Logger } from '../../base/logger.js';
import type { Alerts } from './alert-setup.js';

const POLL_MS = 1_000;
/** How long a file must stand unchanged before it is applied: longer than a writer's pause between chunks. */
export const SETTLE_MS = 5_000;

/** A reload that leaves at least this many rules fewer, and at least half fewer, is logged as an error. */
const MANY_REMOVED = 3;

export type WatchlistListener = (watchlist: Watchlist) => void | Promise<void>;

/** What changed between two watchlists, by rule name (for the log line). */
export function ruleChanges(
  before: Watchlist,
  after: Watchlist,
): { added: string[]; removed: string[]; changed: string[] } {
  const old = new Map(before.rules.map((r) => [r.name, JSON.stringify(r)]));
  const now = new Map(after.rules.map((r) => [r.name, JSON.stringify(r)]));
  return {
    added: [...now.keys()].filter((n) => !old.has(n)),
    removed: [...old.keys()].filter((n) => !now.has(n)),
    changed: [...now].filter(([n, r]) => old.has(n) && old.get(n) !== r).map(([n]) => n),
  };
}

/**
 * Follows `file`: each good edit replaces `alerts`' watchlist and is passed to the listeners
 * (article threads, digest schedulers). Returns the function that stops following.
 */
export function followWatchlistFile(
  file: string,
  alerts: Alerts,
  log: Logger,
  listeners: Iterable<WatchlistListener>,
  opts: { settleMs?: number } = {},
): () => void {
  const settleMs = opts.settleMs ?? SETTLE_MS;
  let busy: Promise<void> = Promise.resolve();
  let settle: NodeJS.Timeout | null = null;
  const reload = async (): Promise<void> => {
    let next: Watchlist;
    try {
      next = readWatchlist(file);
    } catch (err) {
      log.warn({ file, err: (err as Error).message }, 'watchlist edit refused: the last good rules stay in force');
      return;
    }
    const before = alerts.watchlist.rules.length;
    const changes = ruleChanges(alerts.watchlist, next);
    // Fewer rules by half or more: what a cut-off file looks like (renamed rules are not a drop).
    const dropped = before - next.rules.length;
    if (dropped >= MANY_REMOVED && dropped * 2 >= before)
      log.error(
        { file, removed: changes.removed, before, after: next.rules.length },
        `watchlist reload removes ${dropped} of ${before} rules at once: if that was not meant, restore the file (save edits by rename)`,
      );
    alerts.replace(next);
    for (const listener of listeners) {
      try {
        await listener(next);
      } catch (err) {
        log.error({ err: (err as Error).message }, 'a part of tinwatch did not take the new watchlist');
      }
    }
    log.info({ file, rules: next.rules.length, ...changes }, 'watchlist reloaded');
  };
  const stamp = (): string => {
    try {
      const st = statSync(file);
      return `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      return 'missing';
    }
  };
  /** Applies the file once it has stood still for the settle time; each new change restarts the wait. */
  const settleThenReload = (): void => {
    if (settle) clearTimeout(settle);
    const seen = stamp();
    settle = setTimeout(() => {
      settle = null;
      if (stamp() !== seen) return settleThenReload();
      // One reload at a time, in the order the edits were seen.
      busy = busy.then(reload);
    }, settleMs);
    settle.unref();
  };
  const onChange = (now: Stats, before: Stats): void => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size && now.ino === before.ino) return;
    settleThenReload();
  };
  watchFile(file, { interval: POLL_MS, persistent: false }, onChange);
  // An edit saved between the first read and this watch has no change event of its own.
  busy = busy.then(async () => {
    try {
      if (JSON.stringify(readWatchlist(file)) !== JSON.stringify(alerts.watchlist)) await reload();
    } catch {
      await reload(); // says why the edit is refused
    }
  });
  return () => {
    if (settle) clearTimeout(settle);
    unwatchFile(file, onChange);
  };
}
