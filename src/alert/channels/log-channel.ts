// The log channel: the alert as a log line (for trying rules without a receiver).
import type { ChannelFactory } from './channel.js';

export const logChannel: ChannelFactory<'log'> =
  ({ name, log }) =>
  async (a, key) => {
    log.info({ channel: name, idempotencyKey: key, alert: a.json }, a.text);
  };
