import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one JSON logger of a process; services take children of it with scoped
 * fields (`logger.child({ jobId })`). Logs go to stderr, so a command's
 * stdout carries only its result (`caroni dev` prints the example's output).
 */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, pino.destination(2));
}
