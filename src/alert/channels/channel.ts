// A delivery channel: sends one rendered alert (or digest). Secrets come from the environment at
// send time; a missing one is a permanent failure naming the variable, never its value. Each
// channel type is one file here, listed in channel-registry.ts; its settings are one branch of
// config/watchlist-schema.ts.
import { createHmac } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import type { ChannelConfig } from '../../../config/watchlist-schema.js';
import type { Logger } from '../../../base/logger.js';
import type { RenderedAlert } from '../alert-content.js';

export interface Channel {
  readonly name: string;
  readonly type: ChannelConfig['type'];
  send(alert: RenderedAlert, idempotencyKey: string): Promise<void>;
}

export type EnvLookup = (name: string) => string | undefined;

/** What a channel type's factory is given: its name, its settings, the secrets and a logger. */
export interface ChannelSetup<T extends ChannelConfig['type']> {
  name: string;
  cfg: Extract<ChannelConfig, { type: T }>;
  /** The secret in this environment variable, or a permanent failure naming it. */
  secret(variable: string): string;
  log: Logger;
}

export type ChannelFactory<T extends ChannelConfig['type']> = (
  setup: ChannelSetup<T>,
) => (alert: RenderedAlert, idempotencyKey: string) => Promise<void>;

export function secretFrom(env: EnvLookup, channel: string, variable: string): string {
  const v = env(variable);
  if (!v) throw new UnrecoverableError(`channel "${channel}": environment variable ${variable} is not set`);
  return v;
}

export function signBody(secretValue: string, body: string): string {
  return `sha256=${createHmac('sha256', secretValue).update(body).digest('hex')}`;
}
