// Logs on stderr (stdout carries command output such as `extract` text and summaries): pino JSON
// for machines, or one coloured line per event for a person at a terminal (pino-pretty, written
// synchronously so a line is never cut by the next). LOG_FORMAT chooses; by default a terminal
// gets pretty lines and anything else JSON.
import { pino, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';

export type { Logger };
export type LogFormat = 'json' | 'pretty';

/** The format to use: LOG_FORMAT if set, else pretty on a terminal and JSON otherwise. */
export function resolveLogFormat(
  setting: LogFormat | undefined,
  stderrIsTTY = process.stderr.isTTY === true,
): LogFormat {
  return setting ?? (stderrIsTTY ? 'pretty' : 'json');
}

export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  const options = { level, base: { app: 'tinwatch' } };
  if (format === 'json') return pino(options, pino.destination(2));
  const pretty = pinoPretty({
    destination: 2,
    sync: true,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,app',
    singleLine: true,
  });
  return pino(options, pretty);
}
