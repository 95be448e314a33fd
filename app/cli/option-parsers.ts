// Option parsers and choices shared by several commands, read when the commands are declared:
// light (no configuration loaded), so `tinwatch --help` stays fast. A bad value stops with one line.
import { InvalidArgumentError } from 'commander';
import { ConfigError } from '../../config/errors.js';
import { DAY_PATTERN } from '../../src/text/vietnam-time.js';

export const QUEUE_CHOICES = ['crawl', 'article', 'alert'] as const;

/** `--since`: a day (midnight, Vietnam time) or a full ISO 8601 time; anything else stops with exit 2. */
export function parseSince(value: string): string {
  const iso = DAY_PATTERN.test(value) ? `${value}T00:00:00+07:00` : value;
  const t = Date.parse(iso);
  if (!Number.isFinite(t) || !/[zZ]|[+-]\d{2}:\d{2}$/.test(iso)) {
    throw new ConfigError(`--since: "${value}" is not a date (YYYY-MM-DD or ISO 8601 with an offset)`);
  }
  return new Date(t).toISOString();
}

/** An option's whole number in 1..max; anything else stops with one line (exit 2). */
export function positiveInt(name: string, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
      throw new InvalidArgumentError(`${name} takes a whole number from 1 to ${max}, not "${value}"`);
    return Number(value);
  };
}

/** A TCP port to listen on, 0..65535 (0: any free port); anything else stops with one line (exit 2). */
export function portNumber(name: string): (value: string) => number {
  return (value) => {
    if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
      throw new InvalidArgumentError(`${name} takes a port number from 0 to 65535, not "${value}"`);
    return Number(value);
  };
}
