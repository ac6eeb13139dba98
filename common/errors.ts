/**
 * Base class of Caroni's domain errors: a stable `code` callers can branch on
 * and a message that says what to do. `cause` is always kept.
 */
export class CaroniError extends Error {
  override readonly name: string = 'CaroniError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Configuration or environment that cannot work; the message says how to fix it. */
export class ConfigError extends CaroniError {
  override readonly name = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('config_invalid', message, options);
  }
}
