import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one JSON logger of a process; services take children of it with scoped
 * fields (`logger.child({ jobId })`).
 */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}
