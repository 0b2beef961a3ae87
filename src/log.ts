/** Structured logs (pino), one JSON line per event, snake_case ids; level from config. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'marsad' } }, pino.destination(2));
}
