// Every channel type and its factory. Adding a channel: a branch in config/watchlist-schema.ts,
// a file here, and its line below (the type checker insists on all three).
import type { ChannelConfig } from '../../../config/watchlist-schema.js';
import type { Logger } from '../../../base/logger.js';
import { secretFrom, type Channel, type ChannelFactory, type EnvLookup } from './channel.js';
import { emailChannel } from './email-channel.js';
import { logChannel } from './log-channel.js';
import { slackChannel } from './slack-channel.js';
import { telegramChannel } from './telegram-channel.js';
import { webhookChannel } from './webhook-channel.js';

const REGISTRY: { [T in ChannelConfig['type']]: ChannelFactory<T> } = {
  log: logChannel,
  webhook: webhookChannel,
  slack: slackChannel,
  telegram: telegramChannel,
  email: emailChannel,
};

export function createChannel(name: string, cfg: ChannelConfig, env: EnvLookup, log: Logger): Channel {
  const factory = REGISTRY[cfg.type] as ChannelFactory<typeof cfg.type>;
  const send = factory({ name, cfg, secret: (variable) => secretFrom(env, name, variable), log });
  return { name, type: cfg.type, send };
}
