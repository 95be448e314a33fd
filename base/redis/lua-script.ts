// Redis scripts live in named .lua files beside the code that runs them, each opening with a
// KEYS/ARGV header (as BullMQ's src/commands/*.lua do). A file is read once per process, when its
// module loads, and defined once per connection with ioredis's defineCommand: calls then run by
// EVALSHA (ioredis loads the script again on a NOSCRIPT reply) instead of sending its text.
// One script may be several files run as one (Lua functions two scripts share), and may take
// constants from the TypeScript side as `local NAME = value` lines put before the first file, so
// the setting stays in config/ and the Lua does not restate it.
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

export type LuaConstants = Readonly<Record<string, number | string>>;

export interface LuaScriptSpec {
  /** The ioredis command name: one per script in the process. */
  name: string;
  /** The .lua files run as one script, in this order: `new URL('./lua/x.lua', import.meta.url)`. */
  files: readonly URL[];
  /** Fixed key count; omitted, the caller passes the count as the first argument. */
  numberOfKeys?: number;
  constants?: LuaConstants;
}

/** A script read from its files, ready to define on a connection; F is the command's signature. */
export interface LuaScript<F> {
  readonly name: string;
  readonly source: string;
  readonly numberOfKeys?: number;
  /** Carries the command's type only. */
  readonly signature?: F;
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

/** The text of one or more .lua files run as one, after the constants' `local` lines. */
export function luaSource(files: readonly URL[], constants: LuaConstants = {}): string {
  const header = Object.entries(constants).map(([name, value]) => {
    if (!CONSTANT_NAME.test(name)) throw new Error(`Lua constant "${name}": use UPPER_CASE names`);
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Lua constant ${name} is not finite`);
    return `local ${name} = ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`;
  });
  return [...header, ...files.map((f) => readFileSync(f, 'utf8'))].join('\n');
}

export function defineLuaScript<F extends (...args: never[]) => Promise<unknown>>(spec: LuaScriptSpec): LuaScript<F> {
  return {
    name: spec.name,
    source: luaSource(spec.files, spec.constants),
    ...(spec.numberOfKeys !== undefined ? { numberOfKeys: spec.numberOfKeys } : {}),
  };
}

/**
 * The script as a command of this connection, defined on first use. `buffer`: replies as Buffers
 * (ioredis's `<name>Buffer` variant) instead of strings.
 */
export function luaCommand<F extends (...args: never[]) => Promise<unknown>>(
  redis: Redis,
  script: LuaScript<F>,
  opts: { buffer?: boolean } = {},
): F {
  const commands = redis as unknown as Record<string, F | undefined>;
  if (!commands[script.name]) {
    redis.defineCommand(script.name, {
      lua: script.source,
      ...(script.numberOfKeys !== undefined ? { numberOfKeys: script.numberOfKeys } : {}),
    });
  }
  return commands[opts.buffer ? `${script.name}Buffer` : script.name]!.bind(redis) as F;
}
