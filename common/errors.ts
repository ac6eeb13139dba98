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

/** A run, definition, schedule or other named thing that does not exist (HTTP 404). */
export class NotFoundError extends CaroniError {
  override readonly name = 'NotFoundError';
}

/** The request does not fit the current state, e.g. retrying a step that is not paused (HTTP 409). */
export class ConflictError extends CaroniError {
  override readonly name = 'ConflictError';
}
