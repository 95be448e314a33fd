// Validates the watchlist at start-up: an error names the rule or channel and the field.
import { ConfigError } from './errors.js';
import watchlist from './watchlist.js';
import { watchlistSchema, type Watchlist } from './watchlist-schema.js';

function describePath(raw: unknown, path: PropertyKey[]): string {
  // rules.3.query → rules[3] "joint-drills".query
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    const rules = (raw as { rules?: { name?: string }[] }).rules;
    const name = rules?.[path[1]]?.name;
    return `rule "${name ?? path[1]}" ${path.slice(2).join('.') || '(rule)'}`;
  }
  if (path[0] === 'channels' && path[1] !== undefined)
    return `channel "${String(path[1])}" ${path.slice(2).join('.') || '(channel)'}`;
  return path.join('.');
}

export function parseWatchlist(raw: unknown, file = 'config/watchlist.ts'): Watchlist {
  const res = watchlistSchema.safeParse(raw);
  if (res.success) return res.data;
  const lines = res.error.issues.map((i) => `${file}: ${describePath(raw, i.path)}: ${i.message}`);
  throw new ConfigError(`invalid watchlist:\n${lines.join('\n')}`);
}

let cached: Watchlist | undefined;

export function loadWatchlist(): Watchlist {
  cached ??= parseWatchlist(watchlist);
  return cached;
}
