// Hot reload of the watchlist file: an edit takes effect within seconds, without a restart. The
// file is polled (fs.watchFile), not watched for events: editors save by writing a new file and
// renaming it over the old one, which an inode watch loses. A bad edit is refused with the
// file:line reason and the last good rules stay in force.
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { readWatchlist } from '../../config/load-watchlist.js';
import type { Watchlist } from '../../config/watchlist-schema.js';
import type { Logger } from '../logger.js';
import type { Alerts } from './alert-setup.js';

const POLL_MS = 1_000;

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
): () => void {
  let busy: Promise<void> = Promise.resolve();
  const reload = async (): Promise<void> => {
    let next: Watchlist;
    try {
      next = readWatchlist(file);
    } catch (err) {
      log.warn({ file, err: (err as Error).message }, 'watchlist edit refused: the last good rules stay in force');
      return;
    }
    const changes = ruleChanges(alerts.watchlist, next);
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
  const onChange = (now: Stats, before: Stats): void => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
    // One reload at a time, in the order the edits were seen.
    busy = busy.then(reload);
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
  return () => unwatchFile(file, onChange);
}
