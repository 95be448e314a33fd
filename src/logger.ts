// pino JSON logs on stderr (stdout carries command output such as `extract` text and summaries).
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'tinwatch' } }, pino.destination(2));
}
