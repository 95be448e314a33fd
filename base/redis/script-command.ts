// A Lua script as an ioredis command, defined once per connection: ioredis then runs it by EVALSHA
// (loading it again on a NOSCRIPT reply) instead of sending the script's text on every call.
import type { Redis } from 'ioredis';

export interface ScriptOptions {
  /** Fixed key count; omitted, the caller passes the count as the first argument. */
  numberOfKeys?: number;
  /** Replies as Buffers (ioredis's `<name>Buffer` variant) instead of strings. */
  buffer?: boolean;
}

export function scriptCommand<F extends (...args: never[]) => Promise<unknown>>(
  redis: Redis,
  name: string,
  lua: string,
  opts: ScriptOptions = {},
): F {
  const commands = redis as unknown as Record<string, F | undefined>;
  if (!commands[name])
    redis.defineCommand(name, { lua, ...(opts.numberOfKeys ? { numberOfKeys: opts.numberOfKeys } : {}) });
  return commands[opts.buffer ? `${name}Buffer` : name]!.bind(redis) as F;
}
