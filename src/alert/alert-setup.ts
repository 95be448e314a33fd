// The alerting side of a runtime: the watchlist compiled into one matcher, and one channel object
// per configured channel (built lazily so an unused channel's missing secret is not an error).
import type { Watchlist } from '../../config/watchlist-schema.js';
import type { Logger } from '../logger.js';
import { RuleMatcher } from '../match/rule-matcher.js';
import type { Channel, EnvLookup } from './channels/channel.js';
import { createChannel } from './channels/channel-registry.js';

export interface Alerts {
  watchlist: Watchlist;
  matcher: RuleMatcher;
  channel(name: string): Channel;
  ratePerMinute(name: string): number;
}

export function createAlerts(watchlist: Watchlist, env: EnvLookup, log: Logger): Alerts {
  const channels = new Map<string, Channel>();
  return {
    watchlist,
    matcher: new RuleMatcher(watchlist.rules),
    channel(name) {
      const cfg = watchlist.channels[name];
      if (!cfg) throw new Error(`unknown channel "${name}"`);
      let c = channels.get(name);
      if (!c) channels.set(name, (c = createChannel(name, cfg, env, log)));
      return c;
    },
    ratePerMinute: (name) => watchlist.channels[name]?.ratePerMinute ?? 30,
  };
}
