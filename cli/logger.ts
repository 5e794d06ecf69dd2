/**
 * The process logger: structured JSON lines on stdout, level from `LOG_LEVEL`.
 */
import { pino, type Logger } from 'pino';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'contract-registry' } });
}
