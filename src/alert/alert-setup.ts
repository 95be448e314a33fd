// The alerting side of a runtime: the watchlist compiled into one matcher, and one channel object
// per configured channel (built lazily so an unused channel's missing secret is not an error).
// replace() swaps in a new watchlist as a whole (hot reload): a job sees the old rules or the
// new ones, never a mix.
import type { Watchlist } from '../../config/watchlist-schema.js';
import type { Logger } from '../../base/logger.js';
import { RuleMatcher } from '../match/rule-matcher.js';
import type { Channel, EnvLookup } from './channels/channel.js';
import { createChannel } from './channels/channel-registry.js';

export interface Alerts {
  readonly watchlist: Watchlist;
  readonly matcher: RuleMatcher;
  channel(name: string): Channel;
  ratePerMinute(name: string): number;
  replace(watchlist: Watchlist): void;
}

interface Snapshot {
  watchlist: Watchlist;
  matcher: RuleMatcher;
  channels: Map<string, Channel>;
}

export function createAlerts(initial: Watchlist, env: EnvLookup, log: Logger): Alerts {
  const snapshot = (watchlist: Watchlist): Snapshot => ({
    watchlist,
    matcher: new RuleMatcher(watchlist.rules),
    channels: new Map(),
  });
  let now = snapshot(initial);
  return {
    get watchlist() {
      return now.watchlist;
    },
    get matcher() {
      return now.matcher;
    },
    channel(name) {
      const { watchlist, channels } = now;
      const cfg = watchlist.channels[name];
      if (!cfg) throw new Error(`unknown channel "${name}"`);
      let c = channels.get(name);
      if (!c) channels.set(name, (c = createChannel(name, cfg, env, log)));
      return c;
    },
    ratePerMinute: (name) => now.watchlist.channels[name]?.ratePerMinute ?? 30,
    replace(watchlist) {
      now = snapshot(watchlist);
    },
  };
}
