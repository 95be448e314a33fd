// Start-up check of the alert channels the rules use: a channel that names an environment
// variable (its URL, token, secret) that is not set would fail every alert it gets. Said once at
// start, naming the variable and the rules affected, instead of as failed jobs later.
import type { Watchlist } from '../../config/watchlist-schema.js';

export interface MissingChannelEnv {
  channel: string;
  variable: string;
  rules: string[];
}

export function missingChannelEnv(
  watchlist: Watchlist,
  env: (name: string) => string | undefined,
): MissingChannelEnv[] {
  const out: MissingChannelEnv[] = [];
  for (const [channel, cfg] of Object.entries(watchlist.channels)) {
    const rules = watchlist.rules.filter((r) => r.channels.includes(channel)).map((r) => r.name);
    if (rules.length === 0) continue;
    const c = cfg as Record<string, unknown>;
    // A webhook's own url stands in for urlEnv.
    for (const [field, value] of Object.entries(c)) {
      if (!field.endsWith('Env') || typeof value !== 'string') continue;
      if (field === 'urlEnv' && typeof c.url === 'string') continue;
      if (!env(value)) out.push({ channel, variable: value, rules });
    }
  }
  return out;
}
