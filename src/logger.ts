// pino JSON logs on stderr (stdout carries command output such as `extract` text and summaries).
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'tinwatch' } }, pino.destination(2));
}
