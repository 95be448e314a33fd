// Start-up check of the alert channels (start, crawl --once): a channel a rule uses whose
// variables are missing would fail every alert through it, so it is said before the first one.
import { readSecret } from '../../config/env.js';
import { missingChannelEnv } from '../../src/alert/channel-check.js';
import type { Logger } from '../../base/logger.js';
import type { Alerts } from '../../src/alert/alert-setup.js';

/** What the check reads. */
export interface ChannelWarningDeps {
  alerts: Pick<Alerts, 'watchlist'>;
  log: Logger;
}

/** One warning per channel variable a rule needs and the environment lacks. */
export function warnMissingChannelEnv(rt: ChannelWarningDeps): void {
  for (const m of missingChannelEnv(rt.alerts.watchlist, readSecret))
    rt.log.warn(
      { channel: m.channel, variable: m.variable, rules: m.rules },
      `alert channel "${m.channel}" needs ${m.variable}, which is not set: alerts of ${m.rules.join(', ')} through it will fail`,
    );
}
